// SPDX-License-Identifier: GPL-2.0
/*
 * Association basics over loopback, through the standard socket API only
 * (so the same test passes on Linux's sctp.ko): setup, refusal, message
 * boundaries, fragmentation, stream negotiation, notifications, shutdown
 * and abort, in both families and both socket styles.
 */
#include <errno.h>
#include <fcntl.h>
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

/* one-to-many clients name the server on each send */
static struct sockaddr_storage *srv_for_send;
static socklen_t srv_for_send_len;

FIXTURE(io) {
	int lfd;		/* listener (or the one-to-many server) */
	int cfd;		/* client */
	int afd;		/* accepted (one-to-one) */
	struct sockaddr_storage srv;
	socklen_t srvlen;
};

FIXTURE_VARIANT(io) {
	int family;
	int type;
};

FIXTURE_VARIANT_ADD(io, v4_stream) { AF_INET, SOCK_STREAM };
FIXTURE_VARIANT_ADD(io, v6_stream) { AF_INET6, SOCK_STREAM };
FIXTURE_VARIANT_ADD(io, v4_seqpacket) { AF_INET, SOCK_SEQPACKET };
FIXTURE_VARIANT_ADD(io, v6_seqpacket) { AF_INET6, SOCK_SEQPACKET };

static socklen_t loopback(int family, struct sockaddr_storage *ss, int port)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *s = (struct sockaddr_in *)ss;

		s->sin_family = AF_INET;
		s->sin_port = htons(port);
		s->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		return sizeof(*s);
	}
	((struct sockaddr_in6 *)ss)->sin6_family = AF_INET6;
	((struct sockaddr_in6 *)ss)->sin6_port = htons(port);
	((struct sockaddr_in6 *)ss)->sin6_addr = in6addr_loopback;
	return sizeof(struct sockaddr_in6);
}

static int wait_fd(int fd, short ev)
{
	struct pollfd p = { .fd = fd, .events = ev };

	return poll(&p, 1, TIMEOUT_MS) == 1 ? p.revents : 0;
}

/* Receives one whole message (until MSG_EOR) into buf; returns its size. */
static ssize_t recv_msg(int fd, void *buf, size_t size, int *flags,
			struct sctp_rcvinfo *ri)
{
	size_t got = 0;

	for (;;) {
		char cbuf[CMSG_SPACE(sizeof(*ri))];
		struct iovec iov = { (char *)buf + got, size - got };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
				    .msg_control = cbuf,
				    .msg_controllen = sizeof(cbuf) };
		struct cmsghdr *c;
		ssize_t n;

		if (!wait_fd(fd, POLLIN | POLLRDHUP))
			return -ETIMEDOUT;
		n = recvmsg(fd, &m, 0);
		if (n <= 0)
			return n < 0 ? -errno : 0;
		for (c = CMSG_FIRSTHDR(&m); c && ri; c = CMSG_NXTHDR(&m, c))
			if (c->cmsg_level == IPPROTO_SCTP &&
			    c->cmsg_type == SCTP_RCVINFO)
				memcpy(ri, CMSG_DATA(c), sizeof(*ri));
		got += n;
		*flags = m.msg_flags;
		if ((m.msg_flags & MSG_EOR) || got == size)
			return got;
	}
}

/* Next data message, skipping notifications. */
static ssize_t recv_data(int fd, void *buf, size_t size,
			 struct sctp_rcvinfo *ri)
{
	ssize_t n;
	int flags;

	do {
		n = recv_msg(fd, buf, size, &flags, ri);
	} while (n > 0 && (flags & MSG_NOTIFICATION));
	return n;
}

static int send_on(int fd, const void *buf, size_t len, uint16_t sid,
		   uint32_t ppid, const struct sockaddr *to, socklen_t tolen)
{
	if (!to && srv_for_send) {
		to = (struct sockaddr *)srv_for_send;
		tolen = srv_for_send_len;
	}
	return sctp_sendmsg(fd, buf, len, (struct sockaddr *)to, tolen,
			    htonl(ppid), 0, sid, 0, 0);
}

FIXTURE_SETUP(io)
{
	int on = 1;

	self->afd = -1;
	srv_for_send = NULL;
	self->lfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_LE(0, self->lfd);
	self->srvlen = loopback(variant->family, &self->srv, 0);
	ASSERT_EQ(0, bind(self->lfd, (struct sockaddr *)&self->srv,
			  self->srvlen));
	ASSERT_EQ(0, getsockname(self->lfd, (struct sockaddr *)&self->srv,
				 &self->srvlen));
	ASSERT_EQ(0, setsockopt(self->lfd, IPPROTO_SCTP, SCTP_RECVRCVINFO,
				&on, sizeof(on)));
	ASSERT_EQ(0, listen(self->lfd, 8));
	self->cfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_LE(0, self->cfd);
	ASSERT_EQ(0, setsockopt(self->cfd, IPPROTO_SCTP, SCTP_RECVRCVINFO,
				&on, sizeof(on)));
}

FIXTURE_TEARDOWN(io)
{
	close(self->cfd);
	if (self->afd >= 0)
		close(self->afd);
	close(self->lfd);
}

/* Connects the client; returns the fd the server side reads from. */
#define setup(m, self, variant) connect_pair(m, self, (variant)->type)
static int connect_pair(struct __test_metadata *_metadata,
			struct _test_data_io *self, int type)
{
	ASSERT_EQ(0, connect(self->cfd, (struct sockaddr *)&self->srv,
			     self->srvlen)) TH_LOG("connect: %s", strerror(errno));
	if (type == SOCK_SEQPACKET) {
		srv_for_send = &self->srv;
		srv_for_send_len = self->srvlen;
		return self->lfd;
	}
	ASSERT_EQ(POLLIN, wait_fd(self->lfd, POLLIN) & POLLIN);
	self->afd = accept(self->lfd, NULL, NULL);
	ASSERT_LE(0, self->afd);
	return self->afd;
}

TEST_F(io, message_boundaries_and_ppid)
{
	int sfd = setup(_metadata, self, variant);
	struct sctp_rcvinfo ri = {};
	char buf[64];
	int i;

	for (i = 0; i < 3; i++) {
		memset(buf, 'a' + i, 10 + i);
		ASSERT_EQ(10 + i, send_on(self->cfd, buf, 10 + i, i, 7 + i,
					  NULL, 0));
	}
	for (i = 0; i < 3; i++) {
		memset(&ri, 0, sizeof(ri));
		ASSERT_EQ(10 + i, recv_data(sfd, buf, sizeof(buf), &ri));
		EXPECT_EQ('a' + i, buf[9 + i]);
		EXPECT_EQ(i, ri.rcv_sid);
		EXPECT_EQ(htonl(7 + i), ri.rcv_ppid);
		EXPECT_NE(0, ri.rcv_assoc_id);
	}
}

/* A message larger than the MTU is fragmented and comes back whole. */
TEST_F(io, fragmented_message)
{
	int sfd = setup(_metadata, self, variant);
	size_t len = 100000, i;
	char *out = malloc(len), *in = malloc(len + 1);

	ASSERT_NE(NULL, out);
	ASSERT_NE(NULL, in);
	for (i = 0; i < len; i++)
		out[i] = (char)(i * 31 + (i >> 8));
	ASSERT_EQ((ssize_t)len, send_on(self->cfd, out, len, 1, 0, NULL, 0));
	ASSERT_EQ((ssize_t)len, recv_data(sfd, in, len + 1, NULL));
	EXPECT_EQ(0, memcmp(in, out, len));
	free(out);
	free(in);
}

/* The peer's receive side sees EOF after a graceful close. */
TEST_F(io, graceful_close_is_eof)
{
	char buf[16];
	int sfd = setup(_metadata, self, variant);

	if (variant->type == SOCK_SEQPACKET)
		SKIP(return, "one-to-many has no EOF; see shutdown_event");
	ASSERT_EQ(5, send_on(self->cfd, "hello", 5, 0, 0, NULL, 0));
	ASSERT_EQ(0, close(self->cfd));
	self->cfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_EQ(5, recv_data(sfd, buf, sizeof(buf), NULL));
	ASSERT_EQ(0, recv_data(sfd, buf, sizeof(buf), NULL));
}

/* SO_LINGER with a zero timeout ends the association with ABORT. */
TEST_F(io, linger_zero_aborts)
{
	struct linger l = { .l_onoff = 1, .l_linger = 0 };
	char buf[16];
	int sfd = setup(_metadata, self, variant);

	if (variant->type == SOCK_SEQPACKET)
		SKIP(return, "one-to-one only");
	ASSERT_EQ(0, setsockopt(self->cfd, SOL_SOCKET, SO_LINGER, &l,
				sizeof(l)));
	ASSERT_EQ(0, close(self->cfd));
	self->cfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_EQ(-ECONNRESET, recv_data(sfd, buf, sizeof(buf), NULL));
}

/* The id of a one-to-many socket's only association. */
static sctp_assoc_t only_assoc(struct __test_metadata *_metadata, int fd)
{
	union { struct sctp_assoc_ids ids; char b[64]; } u;
	socklen_t len = sizeof(u);

	EXPECT_EQ(0, getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST, &u,
				&len));
	EXPECT_EQ(1U, u.ids.gaids_number_of_ids);
	return u.ids.gaids_assoc_id[0];
}

/* RFC 9260 s5.1: negotiated streams are min(OS, peer's MIS). */
TEST_F(io, initmsg_negotiates_streams)
{
	struct sctp_initmsg im = { .sinit_num_ostreams = 5,
				   .sinit_max_instreams = 3 };
	struct sctp_status st = {};
	socklen_t len = sizeof(st);
	char buf[8];

	ASSERT_EQ(0, setsockopt(self->cfd, IPPROTO_SCTP, SCTP_INITMSG, &im,
				sizeof(im)));
	setup(_metadata, self, variant);
	if (variant->type == SOCK_SEQPACKET)
		st.sstat_assoc_id = only_assoc(_metadata, self->cfd);
	ASSERT_EQ(0, getsockopt(self->cfd, IPPROTO_SCTP, SCTP_STATUS, &st,
				&len));
	EXPECT_EQ(SCTP_ESTABLISHED, st.sstat_state);
	EXPECT_EQ(5, st.sstat_outstrms);
	EXPECT_EQ(3, st.sstat_instrms);
	/* a stream past the negotiated count is refused */
	errno = 0;
	EXPECT_EQ(-1, send_on(self->cfd, "x", 1, 5, 0, NULL, 0));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(1, send_on(self->cfd, "x", 1, 4, 0, NULL, 0));
	(void)buf;
}

/*
 * RFC 9260 s5.1.1: 65535 streams each way.  Streams far apart (the
 * inbound table of xsctp makes a leaf per range on first use) each carry
 * three ordered messages, interleaved: every one must arrive on its
 * stream with its SSN and its bytes.
 */
TEST_F(io, all_65535_streams)
{
	static const uint16_t sids[] = { 0, 1, 511, 512, 2047, 2048, 40000,
					 65534 };
	struct sctp_initmsg im = { .sinit_num_ostreams = 65535,
				   .sinit_max_instreams = 65535 };
	int n = ARRAY_SIZE(sids), seen[ARRAY_SIZE(sids)] = {}, sfd, i, r;
	struct sctp_sndrcvinfo si = { .sinfo_stream = 65534 };
	struct sctp_status st = {};
	struct sctp_rcvinfo ri;
	socklen_t len = sizeof(st);
	char buf[64], want[64];

	ASSERT_EQ(0, setsockopt(self->lfd, IPPROTO_SCTP, SCTP_INITMSG, &im,
				sizeof(im)));
	ASSERT_EQ(0, setsockopt(self->cfd, IPPROTO_SCTP, SCTP_INITMSG, &im,
				sizeof(im)));
	sfd = setup(_metadata, self, variant);
	if (variant->type == SOCK_SEQPACKET)
		st.sstat_assoc_id = only_assoc(_metadata, self->cfd);
	ASSERT_EQ(0, getsockopt(self->cfd, IPPROTO_SCTP, SCTP_STATUS, &st,
				&len));
	EXPECT_EQ(65535, st.sstat_outstrms);
	EXPECT_EQ(65535, st.sstat_instrms);
	for (r = 0; r < 3; r++)
		for (i = 0; i < n; i++) {
			len = snprintf(buf, sizeof(buf), "stream %u round %d",
				       sids[i], r);
			ASSERT_EQ(len, send_on(self->cfd, buf, len, sids[i],
					       sids[i], NULL, 0));
		}
	for (r = 0; r < 3 * n; r++) {
		memset(&ri, 0, sizeof(ri));
		len = recv_data(sfd, buf, sizeof(buf) - 1, &ri);
		ASSERT_LT(0, (int)len);
		buf[len] = 0;
		for (i = 0; i < n && sids[i] != ri.rcv_sid; i++)
			;
		ASSERT_GT(n, i) TH_LOG("stream %u", ri.rcv_sid);
		EXPECT_EQ(seen[i], ri.rcv_ssn);
		EXPECT_EQ(htonl(sids[i]), ri.rcv_ppid);
		snprintf(want, sizeof(want), "stream %u round %d", sids[i],
			 seen[i]);
		EXPECT_STREQ(want, buf);
		seen[i]++;
	}
	/* and back on the last stream, whose outbound SSN is 0 */
	si.sinfo_assoc_id = ri.rcv_assoc_id;
	ASSERT_EQ(5, sctp_send(sfd, "reply", 5, &si, 0));
	memset(&ri, 0, sizeof(ri));
	ASSERT_EQ(5, recv_data(self->cfd, buf, sizeof(buf), &ri));
	EXPECT_EQ(65534, ri.rcv_sid);
	EXPECT_EQ(0, ri.rcv_ssn);
	EXPECT_EQ(0, memcmp(buf, "reply", 5));
}

/* RFC 6458 s6.1.1: SCTP_ASSOC_CHANGE / SCTP_COMM_UP, every field. */
TEST_F(io, comm_up_notification)
{
	struct sctp_event ev = { .se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	union { struct sctp_assoc_change sac; char b[256]; } n;
	int sfd, flags = 0;

	ASSERT_EQ(0, setsockopt(self->lfd, IPPROTO_SCTP, SCTP_EVENT, &ev,
				sizeof(ev)));
	sfd = setup(_metadata, self, variant);
	if (variant->type == SOCK_STREAM)
		SKIP(return, "accepted sockets get no COMM_UP on Linux");
	ASSERT_EQ((ssize_t)sizeof(n.sac), recv_msg(sfd, &n, sizeof(n), &flags, NULL));
	EXPECT_TRUE(flags & MSG_NOTIFICATION);
	EXPECT_TRUE(flags & MSG_EOR);
	EXPECT_EQ(SCTP_ASSOC_CHANGE, n.sac.sac_type);
	EXPECT_EQ(sizeof(n.sac), n.sac.sac_length);
	EXPECT_EQ(SCTP_COMM_UP, n.sac.sac_state);
	EXPECT_EQ(0, n.sac.sac_error);
	EXPECT_EQ(10, n.sac.sac_outbound_streams);
	EXPECT_EQ(10, n.sac.sac_inbound_streams);
	EXPECT_LT(0, n.sac.sac_assoc_id);
}

/* One-to-many: sendmsg to a new peer sets the association up itself. */
TEST_F(io, implicit_setup)
{
	struct sctp_rcvinfo ri = {};
	char buf[16];

	if (variant->type == SOCK_STREAM)
		SKIP(return, "one-to-many only");
	ASSERT_EQ(4, send_on(self->cfd, "ping", 4, 2, 0,
			     (struct sockaddr *)&self->srv, self->srvlen));
	ASSERT_EQ(4, recv_data(self->lfd, buf, sizeof(buf), &ri));
	EXPECT_EQ(0, memcmp(buf, "ping", 4));
	EXPECT_EQ(2, ri.rcv_sid);
}

/* Waits (bounded) until a one-to-one socket has no association left. */
static bool assoc_gone(int fd)
{
	struct sctp_status st;
	socklen_t len;
	int i;

	for (i = 0; i < TIMEOUT_MS / 10; i++) {
		len = sizeof(st);
		memset(&st, 0, sizeof(st));
		if (getsockopt(fd, IPPROTO_SCTP, SCTP_STATUS, &st, &len) &&
		    errno == EINVAL)
			return true;
		usleep(10000);
	}
	return false;
}

/*
 * An association that comes up and ends before accept() is still
 * accepted, with its data and then EOF (one-to-one, as on Linux).
 */
TEST(accept_after_peer_closed)
{
	struct sockaddr_storage ss;
	socklen_t len = loopback(AF_INET, &ss, 0);
	int l = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	char buf[16];
	int a;

	ASSERT_EQ(0, bind(l, (struct sockaddr *)&ss, len));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&ss, &len));
	ASSERT_EQ(0, listen(l, 1));
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&ss, len));
	ASSERT_EQ(5, send(c, "hello", 5, 0));
	ASSERT_EQ(0, shutdown(c, SHUT_WR));
	/* SHUTDOWN COMPLETE ends the client's association: no status */
	ASSERT_TRUE(assoc_gone(c));
	a = accept(l, NULL, NULL);
	ASSERT_LE(0, a);
	ASSERT_TRUE(wait_fd(a, POLLIN) & POLLIN);
	ASSERT_EQ(5, recv(a, buf, sizeof(buf), 0));
	EXPECT_EQ(0, memcmp(buf, "hello", 5));
	EXPECT_EQ(0, recv(a, buf, sizeof(buf), 0));
	close(a);
	close(c);
	close(l);
}

TEST(connect_refused_without_listener)
{
	struct sockaddr_storage ss;
	socklen_t len = loopback(AF_INET, &ss, 0);
	int l = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);

	/* a bound, not listening, socket: its port answers INIT with ABORT */
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&ss, len));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&ss, &len));
	ASSERT_EQ(-1, connect(c, (struct sockaddr *)&ss, len));
	EXPECT_EQ(ECONNREFUSED, errno);
	close(c);
	close(l);
}

TEST(nonblocking_connect_in_progress)
{
	struct sockaddr_storage ss;
	socklen_t len = loopback(AF_INET, &ss, 0);
	int l = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int err = -1;
	socklen_t elen = sizeof(err);

	ASSERT_EQ(0, bind(l, (struct sockaddr *)&ss, len));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&ss, &len));
	ASSERT_EQ(0, listen(l, 1));
	ASSERT_EQ(0, fcntl(c, F_SETFL, O_NONBLOCK));
	/* over loopback the handshake may finish inside connect() */
	if (connect(c, (struct sockaddr *)&ss, len))
		ASSERT_EQ(EINPROGRESS, errno);
	ASSERT_EQ(POLLOUT, wait_fd(c, POLLOUT) & POLLOUT);
	ASSERT_EQ(0, getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &elen));
	EXPECT_EQ(0, err);
	close(c);
	close(l);
}

/*
 * A one-to-one socket never connected: sendto() sets the association up
 * and the message rides on it, as on Linux (sctp_darn -s relies on it).
 */
TEST(sendto_sets_up_one_to_one)
{
	struct sockaddr_storage ss;
	socklen_t len = loopback(AF_INET, &ss, 0);
	int l = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	char buf[16];
	int a;

	ASSERT_EQ(0, bind(l, (struct sockaddr *)&ss, len));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&ss, &len));
	ASSERT_EQ(0, listen(l, 1));
	ASSERT_EQ(5, sendto(c, "hello", 5, 0, (struct sockaddr *)&ss, len))
		TH_LOG("sendto: %s", strerror(errno));
	ASSERT_EQ(POLLIN, wait_fd(l, POLLIN) & POLLIN);
	a = accept(l, NULL, NULL);
	ASSERT_LE(0, a);
	ASSERT_TRUE(wait_fd(a, POLLIN) & POLLIN);
	ASSERT_EQ(5, recv(a, buf, sizeof(buf), 0));
	EXPECT_EQ(0, memcmp(buf, "hello", 5));
	/* connected now: later sends need no address */
	ASSERT_EQ(2, send(c, "hi", 2, 0));
	close(a);
	close(c);
	close(l);
}

/*
 * Two sockets bound to different local addresses on one port each hold
 * an association with the same server: they are two associations (their
 * endpoints differ), and each packet reaches the socket it is addressed
 * to.  Found: the association table once ignored the local address and
 * refused the second connect with EADDRINUSE.
 */
TEST(same_port_two_local_addrs)
{
	struct sockaddr_in srv = { .sin_family = AF_INET };
	struct sockaddr_in la = { .sin_family = AF_INET };
	socklen_t len = sizeof(srv);
	int l = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int c[2], a[2], i;
	char buf[16];

	srv.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&srv, len));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&srv, &len));
	ASSERT_EQ(0, listen(l, 2));
	for (i = 0; i < 2; i++) {
		c[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
		ASSERT_LE(0, c[i]);
		/* 127.0.0.1 and 127.0.0.2, one port */
		la.sin_addr.s_addr = htonl(INADDR_LOOPBACK + i);
		ASSERT_EQ(0, bind(c[i], (struct sockaddr *)&la, sizeof(la)));
		len = sizeof(la);
		ASSERT_EQ(0, getsockname(c[i], (struct sockaddr *)&la, &len));
		ASSERT_EQ(0, connect(c[i], (struct sockaddr *)&srv,
				     sizeof(srv)))
			TH_LOG("connect %d: %s", i, strerror(errno));
	}
	for (i = 0; i < 2; i++) {
		struct sockaddr_in peer;

		len = sizeof(peer);
		ASSERT_EQ(POLLIN, wait_fd(l, POLLIN) & POLLIN);
		a[i] = accept(l, (struct sockaddr *)&peer, &len);
		ASSERT_LE(0, a[i]);
		/* replies name the client by its local address */
		buf[0] = '0' + (ntohl(peer.sin_addr.s_addr) - INADDR_LOOPBACK);
		ASSERT_EQ(1, send(a[i], buf, 1, 0));
	}
	for (i = 0; i < 2; i++) {
		ASSERT_TRUE(wait_fd(c[i], POLLIN) & POLLIN);
		ASSERT_EQ(1, recv(c[i], buf, sizeof(buf), 0));
		EXPECT_EQ('0' + i, buf[0]);
		close(c[i]);
		close(a[i]);
	}
	close(l);
}

/*
 * RFC 9260 s9.2, s8.4: once the server has sent SHUTDOWN ACK, the client
 * may have completed and forgotten the association; anything but a
 * SHUTDOWN ACK from the server then draws an ABORT.  Reading data there
 * must not send a window-update SACK.  In a namespace of the test's own,
 * lo drops the client's SHUTDOWN COMPLETE (the one without the T bit), so
 * the server stays in SHUTDOWN-ACK-SENT until T2 sends SHUTDOWN ACK again
 * and the client's T-bit SHUTDOWN COMPLETE ends it cleanly.  Found: the
 * read sent a SACK, and the server got COMM_LOST (CI flake, after the
 * race between a SHUTDOWN COMPLETE and such an ABORT over veth).
 */
TEST(no_window_update_after_shutdown_ack)
{
	struct sctp_rtoinfo rto = { .srto_initial = 2000, .srto_max = 2000,
				    .srto_min = 2000 };
	struct sctp_event_subscribe ev = { .sctp_association_event = 1 };
	static char msg[60000], got[sizeof(msg)];
	struct sctp_status st = { 0 };
	socklen_t stlen = sizeof(st);
	struct sockaddr_storage ss;
	socklen_t len = loopback(AF_INET, &ss, 0);
	int l, c, i, rcvbuf = 65536;

	sh("modprobe -a sch_prio cls_u32 act_gact 2>/dev/null");
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, sh("ip link set lo mtu 1400 up && "
			"tc qdisc add dev lo root handle 1: prio && "
			"tc filter add dev lo parent 1: prio 1 protocol ip u32 "
			"match ip protocol 132 0xff match u8 14 0xff at 32 "
			"match u8 0 1 at 33 action drop"));
	l = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, l);
	ASSERT_LE(0, c);
	ASSERT_EQ(0, setsockopt(l, IPPROTO_SCTP, SCTP_RTOINFO, &rto,
				sizeof(rto)));
	ASSERT_EQ(0, setsockopt(l, IPPROTO_SCTP, SCTP_EVENTS, &ev,
				sizeof(ev)));
	/* small enough for the data to close more than half of it */
	ASSERT_EQ(0, setsockopt(l, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
				sizeof(rcvbuf)));
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&ss, len));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&ss, &len));
	ASSERT_EQ(0, listen(l, 1));
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&ss, len));
	for (i = 0; i < (int)sizeof(msg); i++)
		msg[i] = i * 7;
	ASSERT_EQ(sizeof(msg), send(c, msg, sizeof(msg), 0));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change_id(l, TIMEOUT_MS,
						&st.sstat_assoc_id));
	close(c);
	/* the client completes: its SHUTDOWN COMPLETE is dropped */
	for (i = 0; i < 200 && snmp("SctpShutdowns") < 1; i++)
		poll(NULL, 0, 10);
	ASSERT_EQ(1, snmp("SctpShutdowns"));
	ASSERT_EQ(0, getsockopt(l, IPPROTO_SCTP, SCTP_STATUS, &st, &stlen));
	ASSERT_EQ(SCTP_SHUTDOWN_ACK_SENT, st.sstat_state);
	/* the read opens the window by far more than an MTU */
	ASSERT_EQ(sizeof(got), recv_data(l, got, sizeof(got), NULL));
	EXPECT_EQ(0, memcmp(got, msg, sizeof(msg)));
	EXPECT_EQ(SCTP_SHUTDOWN_COMP, assoc_change(l, TIMEOUT_MS));
	EXPECT_EQ(0, snmp("SctpAborteds"));
	close(l);
}

static long sunreclaim_kb(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128];
	long kb = -1;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "SUnreclaim: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

#define GENEROUS_PEERS 32

/*
 * A peer that asks for 65535 outbound streams gets them (our MIS is
 * 65535 by default, as in sctp.ko) and sends on one.  xsctp then holds a
 * directory and the leaf of that stream, not 65535 entries taken at
 * setup (one 128 KiB high-order atomic allocation each before, 512 KiB
 * with the ordered-queue counts).  The clients' own outbound entries
 * (they asked for them) are all made: 128 KiB each, counted in the
 * bound.  sctp.ko allocates every stream's state at setup.
 */
TEST(generous_peers_cost_little)
{
	struct sctp_initmsg im = { .sinit_num_ostreams = 65535 };
	struct sctp_rcvinfo ri;
	struct sockaddr_storage ss;
	socklen_t len = loopback(AF_INET, &ss, 0);
	int l, c[GENEROUS_PEERS], i, on = 1;
	long before, per;
	char buf[8];

	if (!on_xsctp())
		SKIP(return, "sctp.ko allocates every stream's state at setup");
	l = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, l);
	ASSERT_EQ(0, setsockopt(l, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on,
				sizeof(on)));
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&ss, len));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&ss, &len));
	ASSERT_EQ(0, listen(l, GENEROUS_PEERS));
	before = sunreclaim_kb();
	ASSERT_LT(0, before);
	for (i = 0; i < GENEROUS_PEERS; i++) {
		c[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
		ASSERT_LE(0, c[i]);
		ASSERT_EQ(0, setsockopt(c[i], IPPROTO_SCTP, SCTP_INITMSG, &im,
					sizeof(im)));
		ASSERT_EQ(0, connect(c[i], (struct sockaddr *)&ss, len));
		ASSERT_EQ(1, sctp_sendmsg(c[i], "x", 1, NULL, 0, 0, 0,
					  60000, 0, 0));
	}
	for (i = 0; i < GENEROUS_PEERS; i++) {
		memset(&ri, 0, sizeof(ri));
		ASSERT_EQ(1, recv_data(l, buf, sizeof(buf), &ri));
		EXPECT_EQ(60000, ri.rcv_sid);
	}
	per = (sunreclaim_kb() - before) / GENEROUS_PEERS;
	TH_LOG("%ld KiB of unreclaimable slab per association, both ends",
	       per);
	/* 128 KiB the client's own, 64 KiB for everything else */
	EXPECT_GT(192, per);
	for (i = 0; i < GENEROUS_PEERS; i++)
		close(c[i]);
	close(l);
}

TEST_HARNESS_MAIN
