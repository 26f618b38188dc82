/* The link-down work flushes the driver's TX-completion work before resetting the ring.
 * Why: a work item sleeping on another work item blocks its worker (SOVA001); not a self-wait: a different item. */
#include <linux/workqueue.h>

struct eth_priv {
	struct work_struct tx_done_work;
	struct work_struct link_down_work;
	unsigned int tx_head, tx_tail;
};

static void eth_tx_done_work(struct work_struct *work)
{
	struct eth_priv *priv = container_of(work, struct eth_priv, tx_done_work);

	priv->tx_tail = priv->tx_head;
}

static void eth_link_down_work(struct work_struct *work)
{
	struct eth_priv *priv = from_work(priv, work, link_down_work);

	flush_work(&priv->tx_done_work); // expect: SOVA001
	priv->tx_head = priv->tx_tail = 0;
}

void eth_setup(struct eth_priv *priv)
{
	INIT_WORK(&priv->tx_done_work, eth_tx_done_work);
	INIT_WORK(&priv->link_down_work, eth_link_down_work);
}

void eth_irq(struct eth_priv *priv, int link_up)
{
	schedule_work(&priv->tx_done_work);
	if (!link_up)
		schedule_work(&priv->link_down_work);
}
