// SPDX-License-Identifier: GPL-2.0
/* Socket creation for every family/type pair, and what /proc shows. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/sctp.h>

#include "kselftest_harness.h"

FIXTURE(pair) {
	int fd;
};

FIXTURE_VARIANT(pair) {
	int family;
	int type;
};

FIXTURE_VARIANT_ADD(pair, inet_stream) { AF_INET, SOCK_STREAM };
FIXTURE_VARIANT_ADD(pair, inet_seqpacket) { AF_INET, SOCK_SEQPACKET };
FIXTURE_VARIANT_ADD(pair, inet6_stream) { AF_INET6, SOCK_STREAM };
FIXTURE_VARIANT_ADD(pair, inet6_seqpacket) { AF_INET6, SOCK_SEQPACKET };

FIXTURE_SETUP(pair)
{
	self->fd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_LE(0, self->fd) TH_LOG("socket: %s", strerror(errno));
}

FIXTURE_TEARDOWN(pair)
{
	close(self->fd);
}

static int sockopt_int(int fd, int name)
{
	socklen_t len = sizeof(int);
	int v = -1;

	if (getsockopt(fd, SOL_SOCKET, name, &v, &len))
		return -errno;
	return v;
}

TEST_F(pair, identity)
{
	EXPECT_EQ(IPPROTO_SCTP, sockopt_int(self->fd, SO_PROTOCOL));
	EXPECT_EQ(variant->type, sockopt_int(self->fd, SO_TYPE));
	EXPECT_EQ(variant->family, sockopt_int(self->fd, SO_DOMAIN));
}

/* SOL_SOCKET options are served by the core socket layer. */
TEST_F(pair, sol_socket_options)
{
	int v = 65536;

	ASSERT_EQ(0, setsockopt(self->fd, SOL_SOCKET, SO_RCVBUF, &v, sizeof(v)));
	EXPECT_LE(65536, sockopt_int(self->fd, SO_RCVBUF));
}

/* Counts the lines of /proc/net/protocols naming @name with module @mod. */
static int protocols_lines(const char *name, const char *mod)
{
	char line[512], n[64];
	FILE *f = fopen("/proc/net/protocols", "r");
	int found = 0;

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63s", n) != 1 || strcmp(n, name))
			continue;
		/* the module is the second-to-last column before the flags */
		if (strstr(line, mod))
			found++;
	}
	fclose(f);
	return found;
}

TEST(proc_protocols_names_xsctp)
{
	EXPECT_EQ(1, protocols_lines("SCTP", " xsctp "));
	EXPECT_EQ(1, protocols_lines("SCTPv6", " xsctp "));
}

TEST(proc_snmp_has_linux_counters)
{
	static const char *const names[] = {
		"SctpCurrEstab", "SctpInSCTPPacks", "SctpOutOfBlues",
		"SctpChecksumErrors", "SctpInDataChunkDiscards",
	};
	char line[256];
	unsigned int i, seen = 0;
	FILE *f = fopen("/proc/net/sctp/snmp", "r");

	ASSERT_NE(NULL, f);
	while (fgets(line, sizeof(line), f))
		for (i = 0; i < ARRAY_SIZE(names); i++)
			if (!strncmp(line, names[i], strlen(names[i])) &&
			    line[strlen(names[i])] == ' ')
				seen |= 1u << i;
	fclose(f);
	EXPECT_EQ((1u << 5) - 1, seen);
}

TEST_HARNESS_MAIN
