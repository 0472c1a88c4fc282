// SPDX-License-Identifier: GPL-2.0
/*
 * Heartbeats (RFC 9260 s8.3) through SCTP_PEER_ADDR_PARAMS (RFC 6458
 * s8.1.12): an idle association whose peer went silent is found out by
 * unanswered heartbeats and ends with SCTP_COMM_LOST; the option's
 * values read back, and contradictory flags are EINVAL.  Runs in a
 * namespace of its own; only the standard API, so it passes on sctp.ko.
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

FIXTURE(hb) {
	int l, c;
	struct sockaddr_in srv;
};

FIXTURE_SETUP(hb)
{
	struct sctp_rtoinfo rto = { .srto_initial = 100, .srto_min = 100,
				    .srto_max = 200 };
	struct sctp_assocparams ap = { .sasoc_asocmaxrxt = 3 };
	struct sctp_event ev = { .se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	socklen_t len = sizeof(self->srv);

	sh("modprobe sch_netem 2>/dev/null");
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, sh("ip link set lo up"));
	memset(&self->srv, 0, sizeof(self->srv));
	self->srv.sin_family = AF_INET;
	self->srv.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	self->l = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	self->c = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, self->l);
	ASSERT_LE(0, self->c);
	ASSERT_EQ(0, bind(self->l, (struct sockaddr *)&self->srv, len));
	ASSERT_EQ(0, getsockname(self->l, (struct sockaddr *)&self->srv,
				 &len));
	ASSERT_EQ(0, listen(self->l, 1));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_RTOINFO, &rto,
				sizeof(rto)));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_ASSOCINFO, &ap,
				sizeof(ap)));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_EVENT, &ev,
				sizeof(ev)));
}

FIXTURE_TEARDOWN(hb)
{
	close(self->c);
	close(self->l);
}

TEST_F(hb, idle_silent_peer_is_comm_lost)
{
	struct sctp_paddrparams pp = { .spp_hbinterval = 100,
				       .spp_flags = SPP_HB_ENABLE };

	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&pp, sizeof(pp)));
	ASSERT_EQ(0, connect(self->c, (struct sockaddr *)&self->srv,
			     sizeof(self->srv)));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change(self->c, 5000));
	ASSERT_EQ(0, sh("tc qdisc add dev lo root netem loss 100%"));
	/* no data at all: only heartbeats can notice; 4 x (100 + RTO) ms */
	EXPECT_EQ(SCTP_COMM_LOST, assoc_change(self->c, 10000));
	sh("tc qdisc del dev lo root");
}

/* Answered heartbeats clear the error counts: an idle association lives. */
TEST_F(hb, answered_heartbeats_keep_idle_alive)
{
	struct sctp_paddrparams pp = { .spp_hbinterval = 100,
				       .spp_flags = SPP_HB_ENABLE };

	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&pp, sizeof(pp)));
	ASSERT_EQ(0, connect(self->c, (struct sockaddr *)&self->srv,
			     sizeof(self->srv)));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change(self->c, 5000));
	/* 3 s is 10 heartbeats, well past Association.Max.Retrans (3) */
	EXPECT_EQ(-ETIMEDOUT, assoc_change(self->c, 3000));
}

/*
 * RFC 9260 s8.3: an idle path's heartbeats go HB.interval + RTO apart,
 * jittered by RTO/2, from send to send.  With a 200 ms RTT (netem, 100
 * ms each way) RTO is RTO.Max, 200: gaps of 400-600 ms with HB.interval
 * 300.  Restarting the timer at each ACK, as xsctp did and sctp.ko does,
 * adds the RTT: 600-800.
 */
TEST_F(hb, heartbeats_spaced_from_send)
{
	struct sctp_paddrparams pp = { .spp_hbinterval = 300,
				       .spp_flags = SPP_HB_ENABLE };
	int r = socket(AF_INET, SOCK_RAW, IPPROTO_SCTP), i, n = 0;
	long long t, last = 0, sum = 0;
	uint8_t pkt[64];

	if (!on_xsctp())
		SKIP(return, "sctp.ko restarts the heartbeat timer at the ACK");
	ASSERT_LE(0, r);
	ASSERT_EQ(0, sh("tc qdisc add dev lo root netem delay 100ms"));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&pp, sizeof(pp)));
	ASSERT_EQ(0, connect(self->c, (struct sockaddr *)&self->srv,
			     sizeof(self->srv)));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change(self->c, 5000));
	/* the first heartbeat's timer started at COMM_UP: gaps after it */
	for (i = 0; i < 9; i++) {
		ASSERT_LT(0, raw_next_ms(r, self->srv.sin_port, 4, pkt,
					 sizeof(pkt), 3000));
		t = now_ms();
		if (i >= 2) {
			EXPECT_LE(380, t - last);
			sum += t - last;
			n++;
		}
		last = t;
	}
	EXPECT_GT(600, sum / n) TH_LOG("mean gap %lld ms", sum / n);
	close(r);
}

/* RFC 6458 s8.1.8: an idle one-to-many association is shut down. */
TEST_F(hb, autoclose_ends_idle_association)
{
	int secs = 1, got = 0;
	socklen_t len = sizeof(got);

	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_AUTOCLOSE, &secs,
				sizeof(secs)));
	ASSERT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_AUTOCLOSE, &got,
				&len));
	EXPECT_EQ(1, got);
	ASSERT_EQ(0, connect(self->c, (struct sockaddr *)&self->srv,
			     sizeof(self->srv)));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change(self->c, 5000));
	EXPECT_EQ(SCTP_SHUTDOWN_COMP, assoc_change(self->c, 5000));
}

TEST(autoclose_is_one_to_many_only)
{
	int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP), secs = 1;

	ASSERT_LE(0, fd);
	errno = 0;
	EXPECT_EQ(-1, setsockopt(fd, IPPROTO_SCTP, SCTP_AUTOCLOSE, &secs,
				 sizeof(secs)));
	EXPECT_EQ(EOPNOTSUPP, errno);
	close(fd);
}

TEST_F(hb, params_read_back)
{
	struct sctp_paddrparams pp = { .spp_hbinterval = 1500,
				       .spp_pathmaxrxt = 4,
				       .spp_flags = SPP_HB_ENABLE };
	struct sctp_paddrparams got = {};
	socklen_t len = sizeof(got);

	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&pp, sizeof(pp)));
	ASSERT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&got, &len));
	EXPECT_EQ(1500U, got.spp_hbinterval);
	EXPECT_EQ(4, got.spp_pathmaxrxt);
	EXPECT_TRUE(!!(got.spp_flags & SPP_HB_ENABLE));
	/* both enable and disable: EINVAL */
	pp.spp_flags = SPP_HB_ENABLE | SPP_HB_DISABLE;
	errno = 0;
	EXPECT_EQ(-1, setsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				 &pp, sizeof(pp)));
	EXPECT_EQ(EINVAL, errno);
	/* disabled heartbeats read back disabled */
	pp.spp_flags = SPP_HB_DISABLE;
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&pp, sizeof(pp)));
	len = sizeof(got);
	ASSERT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&got, &len));
	EXPECT_TRUE(!!(got.spp_flags & SPP_HB_DISABLE));
}

TEST_HARNESS_MAIN
