// SPDX-License-Identifier: GPL-2.0
/*
 * The seeds' server pattern, as applications use one-to-many sockets
 * (RFC 6458 s3): one server socket serving many clients from a single
 * thread that learns the stream and the association of each message from
 * SCTP_RCVINFO (s5.3.5) and replies on the same ones (SCTP_SNDINFO,
 * s5.3.4), then one SCTP_SENDALL reply to every client; and one sender
 * socket holding associations to several servers, set up implicitly by
 * sendmsg() and written from several threads at once.  Every message is
 * checked (length, every byte, header hash, stream, PPID, MSG_EOR) and
 * counted per association.  Over loopback, standard API only: it passes
 * on sctp.ko too.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "helpers.h"

#define TIMEOUT_MS	20000
#define NSTREAMS	16
#define NCLIENTS	8
#define NECHO		150	/* requests per client */
#define WINDOW		4	/* requests a client keeps outstanding */
#define NSERVERS	3
#define NWRITERS	4
#define NWRITE		120	/* messages per writer per server */
#define BIGLEN		70000	/* above loopback's MTU: fragmented */
#define BUFLEN		(BIGLEN + 4096)

enum { M_REQ = 0x5eed0001, M_REPLY, M_ALL, M_END, M_DONE };

/* Every message starts with this; the body after it is generated. */
struct hdr {
	uint32_t magic;
	uint32_t src;	/* client, or server << 8 | writer */
	uint32_t seq;
	uint32_t len;	/* of the whole message */
	uint32_t hash;	/* FNV-1a of the body */
};

static uint32_t fnv1a(const unsigned char *p, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

static uint32_t xorshift(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static uint32_t seed_of(uint32_t magic, uint32_t src, uint32_t seq)
{
	return (magic * 2654435761u) ^ (src << 20) ^ seq ^ 0x9e3779b9u;
}

static uint16_t stream_of(uint32_t src, uint32_t seq)
{
	return (src * 7 + seq) % NSTREAMS;
}

static uint32_t ppid_of(uint32_t src, uint32_t seq)
{
	return src << 24 | seq;
}

/* Length of message @seq from @src: mostly small, now and then @big. */
static size_t len_of(uint32_t src, uint32_t seq, size_t big)
{
	uint32_t s = seed_of(0, src, seq);

	if (big && seq % 37 == 5)
		return big;
	return sizeof(struct hdr) + xorshift(&s) % 3000;
}

/* Builds message (@magic, @src, @seq) of @len bytes in @buf. */
static void build(char *buf, uint32_t magic, uint32_t src, uint32_t seq,
		  size_t len)
{
	struct hdr *h = (struct hdr *)buf;
	uint32_t s = seed_of(magic, src, seq);
	size_t i;

	for (i = sizeof(*h); i < len; i++)
		buf[i] = xorshift(&s);
	h->magic = magic;
	h->src = src;
	h->seq = seq;
	h->len = len;
	h->hash = fnv1a((unsigned char *)buf + sizeof(*h), len - sizeof(*h));
}

/*
 * Checks a received message against what (magic, its src, its seq) must
 * be: NULL if right, else what is wrong.
 */
static const char *verify(const char *buf, size_t n, uint32_t magic)
{
	static __thread char want[BUFLEN];
	const struct hdr *h = (const struct hdr *)buf;

	if (n < sizeof(*h))
		return "shorter than a header";
	if (h->magic != magic)
		return "wrong kind of message";
	if (h->len != n)
		return "length differs from the header's";
	if (h->hash != fnv1a((const unsigned char *)buf + sizeof(*h),
			     n - sizeof(*h)))
		return "hash mismatch";
	build(want, magic, h->src, h->seq, n);
	if (memcmp(want, buf, n))
		return "payload differs";
	return NULL;
}

/* One sendmsg() with an SCTP_SNDINFO; @to may be NULL. */
static ssize_t send_info(int fd, const void *buf, size_t len,
			 const struct sockaddr_in *to, uint16_t sid,
			 uint32_t ppid, sctp_assoc_t id, uint16_t flags)
{
	char cbuf[CMSG_SPACE(sizeof(struct sctp_sndinfo))] = {};
	struct iovec iov = { (void *)buf, len };
	struct msghdr m = {
		.msg_name = (void *)to, .msg_namelen = to ? sizeof(*to) : 0,
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	struct sctp_sndinfo *si = (struct sctp_sndinfo *)CMSG_DATA(c);

	c->cmsg_level = IPPROTO_SCTP;
	c->cmsg_type = SCTP_SNDINFO;
	c->cmsg_len = CMSG_LEN(sizeof(*si));
	si->snd_sid = sid;
	si->snd_ppid = ppid;
	si->snd_assoc_id = id;
	si->snd_flags = flags;
	return sendmsg(fd, &m, MSG_NOSIGNAL);
}

/*
 * The next data message on @fd within TIMEOUT_MS, whole: its pieces are
 * joined up to MSG_EOR (partial delivery, RFC 6458 s8.1.20, may hand over
 * a big message in pieces), with the SCTP_RCVINFO of its first piece in
 * *@ri; notifications are skipped.  Its length, or -errno (-EMSGSIZE for
 * one longer than @size or without SCTP_RCVINFO).
 */
static ssize_t recv_info(int fd, char *buf, size_t size,
			 struct sctp_rcvinfo *ri)
{
	char cbuf[CMSG_SPACE(sizeof(struct sctp_rcvinfo))];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	struct iovec iov;
	struct msghdr m;
	struct cmsghdr *c;
	size_t got = 0;
	bool info = false;
	ssize_t n;

	for (;;) {
		if (got == size)
			return -EMSGSIZE;
		if (poll(&p, 1, TIMEOUT_MS) != 1)
			return -ETIMEDOUT;
		memset(&m, 0, sizeof(m));
		iov.iov_base = buf + got;
		iov.iov_len = size - got;
		m.msg_iov = &iov;
		m.msg_iovlen = 1;
		m.msg_control = cbuf;
		m.msg_controllen = sizeof(cbuf);
		n = recvmsg(fd, &m, 0);
		if (n < 0)
			return -errno;
		if (m.msg_flags & MSG_NOTIFICATION)
			continue;
		for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
			if (!got && c->cmsg_level == IPPROTO_SCTP &&
			    c->cmsg_type == SCTP_RCVINFO) {
				memcpy(ri, CMSG_DATA(c), sizeof(*ri));
				info = true;
			}
		}
		got += n;
		if (m.msg_flags & MSG_EOR)
			break;
	}
	return info ? (ssize_t)got : -EMSGSIZE;
}

static int sctp_socket(int type)
{
	struct sctp_initmsg im = {
		.sinit_num_ostreams = NSTREAMS,
		.sinit_max_instreams = NSTREAMS,
	};
	int fd = socket(AF_INET, type, IPPROTO_SCTP), on = 1;

	if (fd < 0)
		return -1;
	if (setsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &im, sizeof(im)) ||
	    setsockopt(fd, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on, sizeof(on))) {
		close(fd);
		return -1;
	}
	return fd;
}

/* A one-to-many socket listening on 127.0.0.1, its address in *@sa. */
static int server_socket(struct sockaddr_in *sa)
{
	socklen_t len = sizeof(*sa);
	int fd = sctp_socket(SOCK_SEQPACKET);

	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)sa, sizeof(*sa)) ||
	    getsockname(fd, (struct sockaddr *)sa, &len) || listen(fd, 16))
		return -1;
	return fd;
}

static int assoc_number(int fd)
{
	uint32_t v = 0;
	socklen_t len = sizeof(v);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_NUMBER, &v, &len))
		return -errno;
	return v;
}

/* Index of @id in @ids[*@n], added if new (up to @max); -1 when full. */
static int assoc_index(sctp_assoc_t *ids, int *n, int max, sctp_assoc_t id)
{
	int i;

	for (i = 0; i < *n; i++)
		if (ids[i] == id)
			return i;
	if (*n == max)
		return -1;
	ids[*n] = id;
	return (*n)++;
}

/* The tests are slow under emulation: more than the default 30 s. */
FIXTURE(seeds) {};
FIXTURE_SETUP(seeds) {}
FIXTURE_TEARDOWN(seeds) {}

/*
 * Test 1: one server socket, NCLIENTS one-to-one clients (a thread each)
 * with up to WINDOW requests outstanding.
 */
struct client {
	pthread_t thread;
	struct sockaddr_in *srv;
	uint32_t idx;
	int replies, all, end;
	char err[160];
};

static void client_fail(struct client *cl, const char *what, long v)
{
	if (!cl->err[0])
		snprintf(cl->err, sizeof(cl->err), "client %u: %s (%ld)",
			 cl->idx, what, v);
}

static int client_send(struct client *cl, int fd, char *buf, uint32_t seq)
{
	size_t len = len_of(cl->idx, seq, 0);

	build(buf, M_REQ, cl->idx, seq, len);
	if (send_info(fd, buf, len, NULL, stream_of(cl->idx, seq),
		      ppid_of(cl->idx, seq), 0, 0) != (ssize_t)len) {
		client_fail(cl, "send", errno);
		return -1;
	}
	return 0;
}

/* A reply, the broadcast or the end: checked and counted. */
static int client_take(struct client *cl, const char *buf, ssize_t n,
		       const struct sctp_rcvinfo *ri, unsigned char *seen)
{
	const struct hdr *h = (const struct hdr *)buf;
	uint32_t magic = n >= (ssize_t)sizeof(*h) ? h->magic : 0;
	const char *bad = verify(buf, n, magic);

	if (bad) {
		client_fail(cl, bad, n);
		return -1;
	}
	if (magic == M_ALL || magic == M_END) {
		if (ri->rcv_sid != 0 || ri->rcv_ppid != magic) {
			client_fail(cl, "broadcast/end stream or ppid",
				    ri->rcv_sid);
			return -1;
		}
		if (magic == M_ALL)
			cl->all++;
		else
			cl->end++;
		return 0;
	}
	if (magic != M_REPLY || h->src != cl->idx || h->seq >= NECHO) {
		client_fail(cl, "unexpected message", magic);
		return -1;
	}
	if (ri->rcv_sid != stream_of(h->src, h->seq) ||
	    ri->rcv_ppid != ppid_of(h->src, h->seq)) {
		client_fail(cl, "reply on the wrong stream or ppid", h->seq);
		return -1;
	}
	if (seen[h->seq]++) {
		client_fail(cl, "reply twice", h->seq);
		return -1;
	}
	cl->replies++;
	return 0;
}

static void *client_run(void *arg)
{
	static __thread char buf[BUFLEN];
	unsigned char seen[NECHO] = {};
	struct client *cl = arg;
	struct sctp_rcvinfo ri;
	uint32_t next = 0;
	ssize_t n;
	int fd;

	fd = sctp_socket(SOCK_STREAM);
	if (fd < 0 || connect(fd, (struct sockaddr *)cl->srv,
			      sizeof(*cl->srv))) {
		client_fail(cl, "connect", errno);
		goto out;
	}
	while (next < WINDOW)
		if (client_send(cl, fd, buf, next++))
			goto out;
	/* the server sends the broadcast, then the end, on stream 0 */
	while (!cl->end) {
		n = recv_info(fd, buf, sizeof(buf), &ri);
		if (n < 0) {
			client_fail(cl, "recv", n);
			goto out;
		}
		if (client_take(cl, buf, n, &ri, seen))
			goto out;
		if (((struct hdr *)buf)->magic == M_REPLY && next < NECHO &&
		    client_send(cl, fd, buf, next++))
			goto out;
	}
out:
	if (fd >= 0)
		close(fd);
	return NULL;
}

/*
 * The server's loop: checks each request, answers it on its own stream
 * and association, counts it for that association; the ids and counts
 * are left in @ids and @count.  0, or -1 with @err set.
 */
static int serve(int s, sctp_assoc_t *ids, int *count, int *nids,
		 uint32_t *src_of, char *err, size_t errlen)
{
	static char buf[BUFLEN];
	struct sctp_rcvinfo ri;
	const struct hdr *h = (const struct hdr *)buf;
	const char *bad;
	unsigned int total;
	ssize_t n;
	int a;

	for (total = 0; total < NCLIENTS * NECHO; total++) {
		n = recv_info(s, buf, sizeof(buf), &ri);
		bad = n < 0 ? "recv" : verify(buf, n, M_REQ);
		if (!bad && (h->src >= NCLIENTS || h->seq >= NECHO))
			bad = "request from nowhere";
		if (!bad && (ri.rcv_sid != stream_of(h->src, h->seq) ||
			     ri.rcv_ppid != ppid_of(h->src, h->seq)))
			bad = "request's stream or ppid";
		a = bad ? 0 : assoc_index(ids, nids, NCLIENTS, ri.rcv_assoc_id);
		if (!bad && a < 0)
			bad = "more associations than clients";
		if (!bad && count[a]++ == 0)
			src_of[a] = h->src;
		if (!bad && src_of[a] != h->src)
			bad = "two clients on one association";
		if (bad) {
			snprintf(err, errlen, "%s (%zd, after %u)", bad, n,
				 total);
			return -1;
		}
		/* the reply: same stream, PPID and association */
		build(buf, M_REPLY, h->src, h->seq, n);
		if (send_info(s, buf, n, NULL, ri.rcv_sid, ri.rcv_ppid,
			      ri.rcv_assoc_id, 0) != n) {
			snprintf(err, errlen, "reply: %s", strerror(errno));
			return -1;
		}
	}
	return 0;
}

TEST_F_TIMEOUT(seeds, server_socket_serves_clients_and_broadcasts, 300)
{
	static char buf[BUFLEN];
	struct client cl[NCLIENTS] = {};
	int count[NCLIENTS] = {};
	sctp_assoc_t ids[NCLIENTS];
	uint32_t src_of[NCLIENTS];
	struct sockaddr_in sa;
	char err[160] = "";
	int s, i, nids = 0;
	size_t len;

	s = server_socket(&sa);
	ASSERT_LE(0, s) TH_LOG("server: %s", strerror(errno));
	for (i = 0; i < NCLIENTS; i++) {
		cl[i].srv = &sa;
		cl[i].idx = i;
		ASSERT_EQ(0, pthread_create(&cl[i].thread, NULL, client_run,
					    &cl[i]));
	}
	EXPECT_EQ(0, serve(s, ids, count, &nids, src_of, err, sizeof(err)))
		TH_LOG("server: %s", err);
	EXPECT_EQ(NCLIENTS, nids);
	EXPECT_EQ(NCLIENTS, assoc_number(s));
	for (i = 0; i < nids; i++)
		EXPECT_EQ(NECHO, count[i]) TH_LOG("association %d", ids[i]);
	/* one send reaches every association; then each one its own end */
	len = len_of(NCLIENTS, 0, 0);
	build(buf, M_ALL, NCLIENTS, 0, len);
	EXPECT_EQ((ssize_t)len, send_info(s, buf, len, NULL, 0, M_ALL, 0,
					  SCTP_SENDALL))
		TH_LOG("SCTP_SENDALL: %s", strerror(errno));
	for (i = 0; i < nids; i++) {
		build(buf, M_END, NCLIENTS, 1, len);
		EXPECT_EQ((ssize_t)len, send_info(s, buf, len, NULL, 0, M_END,
						  ids[i], 0))
			TH_LOG("end to %d: %s", ids[i], strerror(errno));
	}
	for (i = 0; i < NCLIENTS; i++) {
		pthread_join(cl[i].thread, NULL);
		EXPECT_STREQ("", cl[i].err);
		EXPECT_EQ(NECHO, cl[i].replies) TH_LOG("client %d", i);
		EXPECT_EQ(1, cl[i].all) TH_LOG("client %d", i);
		EXPECT_EQ(1, cl[i].end) TH_LOG("client %d", i);
	}
	close(s);
}

/*
 * Test 2: NWRITERS threads write to NSERVERS servers through one
 * one-to-many socket; the first sends set the associations up, racing.
 */
struct writer {
	pthread_t thread;
	int fd;
	struct sockaddr_in *srv;	/* [NSERVERS] */
	uint32_t idx;
	char err[160];
};

static void *writer_run(void *arg)
{
	static __thread char buf[BUFLEN];
	struct writer *w = arg;
	uint32_t seq, src;
	size_t len;
	int i;

	for (seq = 0; seq < NWRITE; seq++) {
		for (i = 0; i < NSERVERS; i++) {
			src = i << 8 | w->idx;
			len = len_of(src, seq, BIGLEN);
			build(buf, M_REQ, src, seq, len);
			if (send_info(w->fd, buf, len, &w->srv[i],
				      stream_of(src, seq), ppid_of(src, seq),
				      0, 0) == (ssize_t)len)
				continue;
			snprintf(w->err, sizeof(w->err),
				 "writer %u, server %d, seq %u: %s", w->idx, i,
				 seq, strerror(errno));
			return NULL;
		}
	}
	return NULL;
}

/* What the servers' side saw, per server. */
struct sink {
	sctp_assoc_t id;
	int count;
	int last[NWRITERS][NSTREAMS];	/* per-stream order per writer */
	unsigned char seen[NWRITERS][NWRITE];
};

/* One message for server @i: checked, counted. NULL, or what is wrong. */
static const char *sink_take(struct sink *k, int i, const char *buf,
			     ssize_t n, const struct sctp_rcvinfo *ri)
{
	const struct hdr *h = (const struct hdr *)buf;
	const char *bad = verify(buf, n, M_REQ);
	uint32_t w = h->src & 0xff;
	uint16_t sid;

	if (bad)
		return bad;
	if ((h->src >> 8) != (uint32_t)i || w >= NWRITERS || h->seq >= NWRITE)
		return "message for another server";
	sid = stream_of(h->src, h->seq);
	if (ri->rcv_sid != sid || ri->rcv_ppid != ppid_of(h->src, h->seq))
		return "wrong stream or ppid";
	if (len_of(h->src, h->seq, BIGLEN) != (size_t)n)
		return "wrong length";
	if (k->count++ == 0)
		k->id = ri->rcv_assoc_id;
	if (k->id != ri->rcv_assoc_id)
		return "a second association";
	if (k->seen[w][h->seq]++)
		return "received twice";
	/* RFC 9260 s6.6: ordered messages of a stream arrive in order */
	if ((int)h->seq <= k->last[w][sid])
		return "out of order in its stream";
	k->last[w][sid] = h->seq;
	return NULL;
}

/* Receives everything on the servers @s; 0, or -1 with @err set. */
static int sink_all(int *s, struct sink *k, char *err, size_t errlen)
{
	static char buf[BUFLEN];
	struct pollfd p[NSERVERS];
	struct sctp_rcvinfo ri;
	unsigned int total = 0;
	const char *bad;
	ssize_t n;
	int i;

	for (i = 0; i < NSERVERS; i++) {
		p[i].fd = s[i];
		p[i].events = POLLIN;
	}
	while (total < NSERVERS * NWRITERS * NWRITE) {
		if (poll(p, NSERVERS, TIMEOUT_MS) <= 0) {
			snprintf(err, errlen, "timeout after %u", total);
			return -1;
		}
		for (i = 0; i < NSERVERS; i++) {
			if (!(p[i].revents & POLLIN))
				continue;
			n = recv_info(s[i], buf, sizeof(buf), &ri);
			bad = n < 0 ? "recv" : sink_take(&k[i], i, buf, n, &ri);
			if (bad) {
				snprintf(err, errlen, "server %d: %s (%zd)", i,
					 bad, n);
				return -1;
			}
			total++;
		}
	}
	return 0;
}

TEST_F_TIMEOUT(seeds, one_socket_many_servers_many_writers, 300)
{
	static struct sink k[NSERVERS];
	static char buf[BUFLEN];
	struct writer w[NWRITERS] = {};
	struct sockaddr_in sa[NSERVERS];
	sctp_assoc_t got[NSERVERS];
	struct sctp_rcvinfo ri;
	int s[NSERVERS], c, i, j, ngot = 0;
	char err[160] = "";
	ssize_t n;

	memset(k, 0xff, sizeof(k));
	for (i = 0; i < NSERVERS; i++) {
		k[i].count = 0;
		memset(k[i].seen, 0, sizeof(k[i].seen));
		s[i] = server_socket(&sa[i]);
		ASSERT_LE(0, s[i]) TH_LOG("server: %s", strerror(errno));
	}
	c = sctp_socket(SOCK_SEQPACKET);
	ASSERT_LE(0, c);
	for (i = 0; i < NWRITERS; i++) {
		w[i].fd = c;
		w[i].srv = sa;
		w[i].idx = i;
		ASSERT_EQ(0, pthread_create(&w[i].thread, NULL, writer_run,
					    &w[i]));
	}
	EXPECT_EQ(0, sink_all(s, k, err, sizeof(err))) TH_LOG("%s", err);
	for (i = 0; i < NWRITERS; i++) {
		pthread_join(w[i].thread, NULL);
		EXPECT_STREQ("", w[i].err);
	}
	/* exactly one association per server, whatever the race */
	EXPECT_EQ(NSERVERS, assoc_number(c));
	for (i = 0; i < NSERVERS; i++) {
		EXPECT_EQ(1, assoc_number(s[i]));
		EXPECT_EQ(NWRITERS * NWRITE, k[i].count) TH_LOG("server %d", i);
		/* each server reports its count back over its association */
		build(buf, M_DONE, i, k[i].count, sizeof(struct hdr) + 64);
		EXPECT_EQ((ssize_t)sizeof(struct hdr) + 64,
			  send_info(s[i], buf, sizeof(struct hdr) + 64, NULL,
				    1, M_DONE, k[i].id, 0));
	}
	/* the sender sees one report on each of its three associations */
	for (i = 0; i < NSERVERS; i++) {
		n = recv_info(c, buf, sizeof(buf), &ri);
		ASSERT_LT(0, n) TH_LOG("%s", strerror(-n));
		ASSERT_EQ(NULL, verify(buf, n, M_DONE)) TH_LOG("%zd", n);
		EXPECT_EQ(1, ri.rcv_sid);
		EXPECT_EQ((uint32_t)M_DONE, ri.rcv_ppid);
		EXPECT_EQ((uint32_t)NWRITERS * NWRITE, ((struct hdr *)buf)->seq);
		for (j = 0; j < ngot; j++)
			EXPECT_NE(got[j], ri.rcv_assoc_id);
		got[ngot++] = ri.rcv_assoc_id;
	}
	close(c);
	for (i = 0; i < NSERVERS; i++)
		close(s[i]);
}

/*
 * What sctp_test -T and sctp_darn -t do: a one-to-one client subscribed
 * to association events sends and closes without ever reading its
 * SCTP_COMM_UP.  Only unread data makes close() abort (as Linux, RFC 6458
 * s4.1.7 leaves it to SO_LINGER): the association ends with SHUTDOWN and
 * every message arrives.
 */
TEST_F(seeds, close_with_unread_notification_is_graceful)
{
	struct sctp_event_subscribe ev = { .sctp_association_event = 1 };
	struct pollfd p = { .events = POLLIN };
	struct sctp_rcvinfo ri;
	struct sockaddr_in sa;
	char buf[64];
	int s, c, a, i;

	s = server_socket(&sa);
	ASSERT_LE(0, s);
	ASSERT_EQ(0, setsockopt(s, IPPROTO_SCTP, SCTP_EVENTS, &ev,
				sizeof(ev)));
	c = sctp_socket(SOCK_STREAM);
	ASSERT_LE(0, c);
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_EVENTS, &ev,
				sizeof(ev)));
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&sa, sizeof(sa)));
	/* the client's SCTP_COMM_UP waits, unread, when it closes */
	p.fd = c;
	ASSERT_EQ(1, poll(&p, 1, TIMEOUT_MS));
	for (i = 0; i < 20; i++) {
		build(buf, M_REQ, 0, i, sizeof(buf));
		ASSERT_EQ((ssize_t)sizeof(buf),
			  send_info(c, buf, sizeof(buf), NULL, i % NSTREAMS,
				    ppid_of(0, i), 0, 0));
	}
	close(c);
	for (i = 0; i < 20; i++) {
		ASSERT_EQ((ssize_t)sizeof(buf),
			  recv_info(s, buf, sizeof(buf), &ri)) TH_LOG("%d", i);
		ASSERT_EQ(NULL, verify(buf, sizeof(buf), M_REQ));
		EXPECT_EQ((uint32_t)i, ((struct hdr *)buf)->seq);
	}
	/* then the end: SHUTDOWN_COMP, not COMM_LOST */
	do {
		a = assoc_change(s, TIMEOUT_MS);
	} while (a == SCTP_COMM_UP);
	EXPECT_EQ(SCTP_SHUTDOWN_COMP, a);
	close(s);
}

TEST_HARNESS_MAIN
