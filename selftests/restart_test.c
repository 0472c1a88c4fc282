// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 9260 s5.2.2 and s5.2.4 (A): a peer that lost its association and
 * sets it up again from the same port is detected as a restart: the
 * server sees SCTP_RESTART on the same association id, and data flows.
 * Runs in a network namespace of its own, whose loopback can be made to
 * lose packets with netem, so that the first client's ABORT never
 * arrives.  Only the standard API: it passes on sctp.ko too.
 */
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "helpers.h"

#define TIMEOUT_MS 10000

static int client(const struct sockaddr_in *srv, int port)
{
	struct sockaddr_in me = { .sin_family = AF_INET,
				  .sin_port = htons(port),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP), on = 1;

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (bind(fd, (struct sockaddr *)&me, sizeof(me)) ||
	    connect(fd, (const struct sockaddr *)srv, sizeof(*srv))) {
		close(fd);
		return -1;
	}
	return fd;
}

TEST(peer_restart_is_reported)
{
	struct sctp_event ev = { .se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	struct linger l = { .l_onoff = 1, .l_linger = 0 };
	struct sockaddr_in srv = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(srv);
	sctp_assoc_t first, again;
	int s, c;

	sh("modprobe sch_netem 2>/dev/null");
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, sh("ip link set lo up"));
	s = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, s);
	ASSERT_EQ(0, setsockopt(s, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev)));
	ASSERT_EQ(0, bind(s, (struct sockaddr *)&srv, sizeof(srv)));
	ASSERT_EQ(0, getsockname(s, (struct sockaddr *)&srv, &len));
	ASSERT_EQ(0, listen(s, 8));

	c = client(&srv, 40000);
	ASSERT_LE(0, c);
	ASSERT_EQ(SCTP_COMM_UP, assoc_change_id(s, TIMEOUT_MS, &first));

	/* the client forgets the association; its ABORT is lost */
	ASSERT_EQ(0, sh("tc qdisc add dev lo root netem loss 100%"));
	ASSERT_EQ(0, setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof(l)));
	close(c);
	ASSERT_EQ(0, sh("tc qdisc del dev lo root"));

	/* same addresses and ports again: an INIT for a live association */
	c = client(&srv, 40000);
	ASSERT_LE(0, c) TH_LOG("reconnect: %s", strerror(errno));
	ASSERT_EQ(SCTP_RESTART, assoc_change_id(s, TIMEOUT_MS, &again));
	EXPECT_EQ(first, again);
	ASSERT_EQ(5, send(c, "again", 5, 0));
	close(c);
	close(s);
}

TEST_HARNESS_MAIN
