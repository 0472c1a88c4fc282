// SPDX-License-Identifier: GPL-2.0
/*
 * A one-to-many socket with two associations.  sctp_peeloff() (RFC 6458
 * s9.2, SCTP_SOCKOPT_PEELOFF and _FLAGS): one association becomes a
 * one-to-one socket of its own, taking the messages it had queued, while
 * the other stays.  SCTP_SENDALL (s5.3.4): one send reaches both.
 * SCTP_SENDER_DRY_EVENT (s6.1.9) on a client once all it sent is acked.  Over
 * loopback, standard API only: it passes on sctp.ko too.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

#include "kselftest_harness.h"

#define TIMEOUT_MS 10000

/* Next data message on @fd: its length, text in @buf, association in *@id. */
static int next_data(int fd, char *buf, size_t size, sctp_assoc_t *id)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	struct sctp_sndrcvinfo si;
	int flags, n;

	do {
		if (poll(&p, 1, TIMEOUT_MS) != 1)
			return -ETIMEDOUT;
		flags = 0;
		memset(&si, 0, sizeof(si));
		n = sctp_recvmsg(fd, buf, size - 1, NULL, NULL, &si, &flags);
		if (n < 0)
			return -errno;
	} while (flags & MSG_NOTIFICATION);
	buf[n] = 0;
	if (id)
		*id = si.sinfo_assoc_id;
	return n;
}

static int client_to(const struct sockaddr_in *srv)
{
	int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);

	if (fd < 0 || connect(fd, (const struct sockaddr *)srv, sizeof(*srv)))
		return -1;
	return fd;
}

FIXTURE(two) {
	int s, a, b;
	struct sockaddr_in srv;
};

FIXTURE_SETUP(two)
{
	struct sctp_event_subscribe ev = { .sctp_data_io_event = 1 };
	socklen_t len = sizeof(self->srv);

	memset(&self->srv, 0, sizeof(self->srv));
	self->srv.sin_family = AF_INET;
	self->srv.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	self->s = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, self->s);
	ASSERT_EQ(0, bind(self->s, (struct sockaddr *)&self->srv,
			  sizeof(self->srv)));
	ASSERT_EQ(0, getsockname(self->s, (struct sockaddr *)&self->srv,
				 &len));
	ASSERT_EQ(0, setsockopt(self->s, IPPROTO_SCTP, SCTP_EVENTS, &ev,
				sizeof(ev)));
	ASSERT_EQ(0, listen(self->s, 4));
	self->a = client_to(&self->srv);
	self->b = client_to(&self->srv);
	ASSERT_LE(0, self->a);
	ASSERT_LE(0, self->b);
}

FIXTURE_TEARDOWN(two)
{
	close(self->a);
	close(self->b);
	close(self->s);
}

/*
 * A's association is peeled off after it queued two messages, one
 * already read: the second is read from the new socket, later traffic
 * both ways goes over it, and B's stays on the old one.
 */
TEST_F(two, peel_one_off)
{
	struct pollfd pfd = { .events = POLLIN };
	struct sockaddr_in peer, mine;
	socklen_t len = sizeof(peer);
	sctp_assoc_t ida, idb;
	char buf[64];
	int p;

	ASSERT_EQ(2, send(self->a, "a1", 2, 0));
	ASSERT_EQ(2, next_data(self->s, buf, sizeof(buf), &ida));
	ASSERT_STREQ("a1", buf);
	ASSERT_EQ(2, send(self->b, "b1", 2, 0));
	ASSERT_EQ(2, next_data(self->s, buf, sizeof(buf), &idb));
	ASSERT_STREQ("b1", buf);
	ASSERT_NE(ida, idb);
	/* a2 waits, unread, on the one-to-many socket */
	ASSERT_EQ(2, send(self->a, "a2", 2, 0));
	pfd.fd = self->s;
	ASSERT_EQ(1, poll(&pfd, 1, TIMEOUT_MS));
	p = sctp_peeloff(self->s, ida);
	ASSERT_LE(0, p) TH_LOG("peeloff: %s", strerror(errno));
	ASSERT_EQ(2, next_data(p, buf, sizeof(buf), NULL));
	EXPECT_STREQ("a2", buf);
	/* the new socket is one-to-one, connected to A */
	ASSERT_EQ(0, getpeername(p, (struct sockaddr *)&peer, &len));
	len = sizeof(mine);
	ASSERT_EQ(0, getsockname(self->a, (struct sockaddr *)&mine, &len));
	EXPECT_EQ(mine.sin_port, peer.sin_port);
	ASSERT_EQ(3, send(p, "to-a", 3, 0));
	ASSERT_EQ(3, next_data(self->a, buf, sizeof(buf), NULL));
	EXPECT_STREQ("to-", buf);
	ASSERT_EQ(2, send(self->a, "a3", 2, 0));
	ASSERT_EQ(2, send(self->b, "b2", 2, 0));
	ASSERT_EQ(2, next_data(p, buf, sizeof(buf), NULL));
	EXPECT_STREQ("a3", buf);
	ASSERT_EQ(2, next_data(self->s, buf, sizeof(buf), &idb));
	EXPECT_STREQ("b2", buf);
	/* the old socket no longer has A's association */
	EXPECT_EQ(-1, sctp_peeloff(self->s, ida));
	EXPECT_EQ(EINVAL, errno);
	close(p);
}

TEST_F(two, flags_and_errors)
{
	sctp_peeloff_flags_arg_t arg = {};
	socklen_t len = sizeof(arg);
	sctp_assoc_t ida;
	char buf[16];

	ASSERT_EQ(1, send(self->a, "x", 1, 0));
	ASSERT_EQ(1, next_data(self->s, buf, sizeof(buf), &ida));
	/* no such association; a one-to-one socket */
	EXPECT_EQ(-1, sctp_peeloff(self->s, ida + 1000));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, sctp_peeloff(self->a, 0));
	EXPECT_EQ(EINVAL, errno);
	arg.p_arg.associd = ida;
	arg.flags = SOCK_NONBLOCK | SOCK_CLOEXEC;
	/* Linux returns the new descriptor from getsockopt() too */
	ASSERT_LE(0, getsockopt(self->s, IPPROTO_SCTP,
				SCTP_SOCKOPT_PEELOFF_FLAGS, &arg, &len));
	ASSERT_LT(0, arg.p_arg.sd);
	EXPECT_TRUE(fcntl(arg.p_arg.sd, F_GETFL) & O_NONBLOCK);
	EXPECT_TRUE(fcntl(arg.p_arg.sd, F_GETFD) & FD_CLOEXEC);
	/* nothing queued: a non-blocking read says so */
	EXPECT_EQ(-1, recv(arg.p_arg.sd, buf, sizeof(buf), 0));
	EXPECT_EQ(EAGAIN, errno);
	close(arg.p_arg.sd);
}

/* The seeds' broadcast: one sendmsg with SCTP_SENDALL, every client gets it. */
TEST_F(two, sendall_reaches_every_association)
{
	char cbuf[CMSG_SPACE(sizeof(struct sctp_sndinfo)) +
		  CMSG_SPACE(sizeof(struct sctp_prinfo))] = {};
	struct iovec iov = { "to-all", 6 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf,
			    .msg_controllen = sizeof(cbuf) };
	struct sctp_sndinfo *si;
	struct sctp_prinfo *pi;
	struct cmsghdr *c;
	char buf[16];

	/* both associations are up on the server side */
	ASSERT_EQ(1, send(self->a, "a", 1, 0));
	ASSERT_EQ(1, send(self->b, "b", 1, 0));
	ASSERT_EQ(1, next_data(self->s, buf, sizeof(buf), NULL));
	ASSERT_EQ(1, next_data(self->s, buf, sizeof(buf), NULL));
	c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = IPPROTO_SCTP;
	c->cmsg_type = SCTP_SNDINFO;
	c->cmsg_len = CMSG_LEN(sizeof(*si));
	si = (struct sctp_sndinfo *)CMSG_DATA(c);
	si->snd_flags = SCTP_SENDALL;
	si->snd_ppid = htonl(7);
	/* a PR-SCTP policy the peer cannot honour: sent reliably */
	c = CMSG_NXTHDR(&m, c);
	c->cmsg_level = IPPROTO_SCTP;
	c->cmsg_type = SCTP_PRINFO;
	c->cmsg_len = CMSG_LEN(sizeof(*pi));
	pi = (struct sctp_prinfo *)CMSG_DATA(c);
	pi->pr_policy = SCTP_PR_SCTP_TTL;
	pi->pr_value = 60000;
	ASSERT_EQ(6, sendmsg(self->s, &m, 0)) TH_LOG("%s", strerror(errno));
	ASSERT_EQ(6, next_data(self->a, buf, sizeof(buf), NULL));
	EXPECT_STREQ("to-all", buf);
	ASSERT_EQ(6, next_data(self->b, buf, sizeof(buf), NULL));
	EXPECT_STREQ("to-all", buf);
}

/* The next SCTP_SENDER_DRY_EVENT on @fd within TIMEOUT_MS; its assoc id. */
static int wait_dry(int fd, sctp_assoc_t *id)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	union {
		struct sctp_sender_dry_event sd;
		char b[256];
	} u;

	for (;;) {
		int flags = 0;

		if (poll(&p, 1, TIMEOUT_MS) != 1)
			return -ETIMEDOUT;
		if (sctp_recvmsg(fd, &u, sizeof(u), NULL, NULL, NULL,
				 &flags) < 0)
			return -errno;
		if ((flags & MSG_NOTIFICATION) &&
		    u.sd.sender_dry_type == SCTP_SENDER_DRY_EVENT) {
			*id = u.sd.sender_dry_assoc_id;
			return u.sd.sender_dry_length == sizeof(u.sd) ? 0 : -EINVAL;
		}
	}
}

/*
 * Subscribing while nothing is queued reports dry at once; after a send,
 * dry comes again once the data is acknowledged.
 */
TEST_F(two, sender_dry)
{
	struct sctp_event ev = { .se_type = SCTP_SENDER_DRY_EVENT,
				 .se_on = 1 };
	sctp_assoc_t id = -1;
	char buf[8];

	ASSERT_EQ(0, setsockopt(self->a, IPPROTO_SCTP, SCTP_EVENT, &ev,
				sizeof(ev)));
	ASSERT_EQ(0, wait_dry(self->a, &id));
	ASSERT_EQ(4, send(self->a, "data", 4, 0));
	ASSERT_EQ(4, next_data(self->s, buf, sizeof(buf), NULL));
	ASSERT_EQ(0, wait_dry(self->a, &id));
}

TEST_HARNESS_MAIN
