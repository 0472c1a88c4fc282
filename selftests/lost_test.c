// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 9260 s8.1: a peer that stops answering is given up after
 * Association.Max.Retrans retransmissions: the association ends with
 * SCTP_COMM_LOST, and a one-to-one socket reports ETIMEDOUT.  The peer is
 * blackholed with netem on the loopback of a namespace of the test's own.
 * Only the standard API: it passes on sctp.ko too.
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

TEST(blackholed_peer_is_comm_lost)
{
	struct sctp_rtoinfo rto = { .srto_initial = 100, .srto_min = 100,
				    .srto_max = 200 };
	struct sctp_assocparams ap = { .sasoc_asocmaxrxt = 3 };
	struct sctp_event ev = { .se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	struct sockaddr_in srv = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(srv);
	int l, c;

	sh("modprobe sch_netem 2>/dev/null");
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, sh("ip link set lo up"));
	l = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	c = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, l);
	ASSERT_LE(0, c);
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&srv, sizeof(srv)));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&srv, &len));
	ASSERT_EQ(0, listen(l, 1));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_RTOINFO, &rto,
				sizeof(rto)));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_ASSOCINFO, &ap,
				sizeof(ap)));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev)));
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&srv, sizeof(srv)));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change(c, 5000));

	ASSERT_EQ(0, sh("tc qdisc add dev lo root netem loss 100%"));
	ASSERT_EQ(4, sctp_sendmsg(c, "lost", 4, (struct sockaddr *)&srv,
				  sizeof(srv), 0, 0, 0, 0, 0));
	/* 1 + 3 transmissions at RTO <= 200 ms: well within 10 s */
	EXPECT_EQ(SCTP_COMM_LOST, assoc_change(c, 10000));
	sh("tc qdisc del dev lo root");
	close(c);
	close(l);
}

TEST_HARNESS_MAIN
