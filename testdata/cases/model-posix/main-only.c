/* A CLI tool that waits for a server to come up: sleep-based retry in main and in helpers reached only
 * from main, a blocking connect and read, a child reaped with waitpid. Why: none of it runs in an async
 * context (no loop callback, serial task or coroutine): no result. */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int wait_for_port(unsigned short port)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port) };
    for (int attempt = 0; attempt < 10; attempt++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0)
            return fd;
        if (fd >= 0)
            close(fd);
        sleep(1);
    }
    return -1;
}

int main(void)
{
    char banner[128];
    int status;
    pid_t child = fork();
    if (child == 0) {
        execlp("server", "server", (char *)NULL);
        _exit(127);
    }
    int fd = wait_for_port(8080);
    if (fd >= 0 && read(fd, banner, sizeof banner) > 0)
        fputs("server is up\n", stdout);
    waitpid(child, &status, 0);
    return fd >= 0 ? 0 : 1;
}
