// SPDX-License-Identifier: GPL-2.0
/*
 * Test helper: opens an SCTP socket of the given family and type, prints
 * "ready" and holds it until killed.  Used to show that an open socket pins
 * the module.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(int argc, char **argv)
{
	int family = argc > 1 && !strcmp(argv[1], "6") ? AF_INET6 : AF_INET;
	int type = argc > 2 && !strcmp(argv[2], "stream") ? SOCK_STREAM :
						     SOCK_SEQPACKET;
	int fd = socket(family, type, IPPROTO_SCTP);

	if (fd < 0) {
		perror("socket");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
