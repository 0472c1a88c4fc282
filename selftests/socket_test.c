// SPDX-License-Identifier: GPL-2.0
/* Socket creation for every family/type pair, and what /proc shows. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "kselftest_harness.h"
#include "helpers.h"

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

/* ---- the table of bound sockets ---- */

#define MANY		4000
#define LISTEN_EVERY	100

static int port_of(int fd)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	if (getsockname(fd, (struct sockaddr *)&a, &len))
		return -errno;
	return ntohs(a.sin_port);
}

static int bind_port(int fd, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
				 .sin_port = htons(port) };

	return bind(fd, (struct sockaddr *)&a, sizeof(a)) ? -errno : 0;
}

/*
 * Counts in @listed[port] the rows of /proc/net/sctp/eps, read 256 bytes
 * at a time so that the walk stops and resumes many times.  Returns the
 * number of rows, or -errno.
 */
static int eps_rows(unsigned char *listed)
{
	static char buf[1 << 16];
	int fd = open("/proc/net/sctp/eps", O_RDONLY), rows = 0, port;
	size_t n = 0;
	ssize_t r;
	char *line;

	if (fd < 0)
		return -errno;
	while (n + 256 < sizeof(buf) && (r = read(fd, buf + n, 256)) > 0)
		n += r;
	close(fd);
	buf[n] = 0;
	line = strchr(buf, '\n');	/* after the header */
	while (line && *++line) {
		/* ENDPT SOCK STY SST HBKT LPORT ... */
		if (sscanf(line, "%*s %*s %*d %*d %*d %d", &port) != 1)
			return -EBADMSG;
		listed[port & 0xffff]++;
		rows++;
		line = strchr(line, '\n');
	}
	return rows;
}

/*
 * Thousands of bound sockets in one namespace (the table grows many
 * times over): every ephemeral port given once, a port in use refused,
 * eps listing exactly the listeners among them, a listener reached, a
 * closed socket's port free again.
 */
TEST(many_bound_sockets)
{
	static unsigned char used[65536], listed[65536];
	struct rlimit rl = { MANY + 64, MANY + 64 };
	struct sockaddr_in to = { .sin_family = AF_INET,
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct timeval tv = { .tv_sec = 10 };
	static int fds[MANY];
	int i, p, c, s, wrong = 0;
	char buf[2];

	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, sh("ip link set lo up"));
	ASSERT_EQ(0, setrlimit(RLIMIT_NOFILE, &rl));
	for (i = 0; i < MANY; i++) {
		fds[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
		ASSERT_LE(0, fds[i]);
		ASSERT_EQ(0, bind_port(fds[i], 0));
		p = port_of(fds[i]);
		ASSERT_LT(0, p);
		ASSERT_EQ(0, used[p]) TH_LOG("port %d given twice", p);
		used[p] = 1;
		ASSERT_EQ(0, i % LISTEN_EVERY ? 0 : listen(fds[i], 8));
	}
	c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, c);
	EXPECT_EQ(-EADDRINUSE, bind_port(c, port_of(fds[1234])));
	EXPECT_EQ(-EADDRINUSE, bind_port(c, port_of(fds[1200])));

	EXPECT_EQ(MANY / LISTEN_EVERY, eps_rows(listed));
	for (i = 0; i < MANY; i++)
		wrong += listed[port_of(fds[i])] != (i % LISTEN_EVERY == 0);
	EXPECT_EQ(0, wrong);

	/* c binds an ephemeral port among them, and reaches a listener */
	ASSERT_EQ(0, bind_port(c, 0));
	EXPECT_EQ(0, used[port_of(c)]);
	EXPECT_EQ(-EINVAL, bind_port(fds[MANY - 1], 0));	/* bound */
	to.sin_port = htons(port_of(fds[MANY - LISTEN_EVERY]));
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&to, sizeof(to)))
		TH_LOG("connect: %s", strerror(errno));
	s = accept(fds[MANY - LISTEN_EVERY], NULL, NULL);
	ASSERT_LE(0, s);
	ASSERT_EQ(0, setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	ASSERT_EQ(2, send(c, "hi", 2, 0));
	ASSERT_EQ(2, recv(s, buf, 2, 0));
	EXPECT_EQ(0, memcmp(buf, "hi", 2));

	/* a closed socket's port is free again */
	p = port_of(fds[2000]);
	close(fds[2000]);
	fds[2000] = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	EXPECT_EQ(0, bind_port(fds[2000], p));
	close(s);
	close(c);
	for (i = 0; i < MANY; i++)
		close(fds[i]);
}

TEST_HARNESS_MAIN
