/* The call a function's body ends with (ends_with): its last statement,
 * with no return or goto before it and no call after it. A thread whose
 * last act wakes the loop has done everything else by then (joins.c). */
void wake(int h);
int work(int x);

void plain(int h)
{
	work(h);
	wake(h);
}

void cast_and_return(int h)
{
	(void)work(h);
	(void)wake(h);
	return;
}

void early_return(int h)
{
	if (work(h) < 0)
		return;
	wake(h);
}

void loop_break(int h)
{
	for (;;) {
		if (work(h))
			break;
	}
	wake(h);
}

void call_after(int h)
{
	wake(h);
	if (h)
		work(h);
}

void plain_after(int h)
{
	int x;
	wake(h);
	x = h + 1;
	(void)x;
}

void with_goto(int h)
{
again:
	if (work(h))
		goto again;
	wake(h);
}

int returns_call(int h)
{
	return work(h);
}

void nested_block(int h)
{
	{
		wake(h);
	}
}
