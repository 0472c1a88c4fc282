// SPDX-License-Identifier: GPL-2.0
/*
 * net.sctp.* sysctls as sockets see them: a new socket takes its
 * defaults from its namespace's values (SCTP_RTOINFO, SCTP_ASSOCINFO,
 * SCTP_PEER_ADDR_PARAMS, SCTP_INITMSG), a new association its PF
 * threshold, a server its Cookie Preservative policy; out-of-range
 * writes are EINVAL and change nothing; each namespace has its own.
 * Every test runs in a fresh namespace; only the standard API and
 * sctp.ko's own sysctls, so it passes on sctp.ko.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "helpers.h"

/* A namespace of our own with loopback up, then @tc (if any) run in it. */
#define own_netns(tc) do {						\
	sh("modprobe sch_netem 2>/dev/null");				\
	ASSERT_EQ(0, unshare(CLONE_NEWNET));				\
	ASSERT_EQ(0, sh("ip link set lo up"));				\
	if (tc)								\
		ASSERT_EQ(0, sh(tc));					\
} while (0)

/* /proc/sys/net/sctp/@name of the caller's namespace, or -errno */
static long get(const char *name)
{
	char path[128], buf[32];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/sys/net/sctp/%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	buf[n] = 0;
	return strtol(buf, NULL, 10);
}

/* 0, or -errno of the write */
static int set(const char *name, long v)
{
	char path[128], buf[32];
	int fd, n, err = 0;

	snprintf(path, sizeof(path), "/proc/sys/net/sctp/%s", name);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	n = snprintf(buf, sizeof(buf), "%ld\n", v);
	if (write(fd, buf, n) != n)
		err = -errno;
	close(fd);
	return err;
}

/* What a new socket's defaults are, read through its options. */
struct dflt {
	struct sctp_rtoinfo rto;
	struct sctp_assocparams ap;
	struct sctp_paddrparams pp;
};

static int read_dflt(int fd, struct dflt *d)
{
	socklen_t l;

	memset(d, 0, sizeof(*d));
	l = sizeof(d->rto);
	if (getsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &d->rto, &l))
		return -1;
	l = sizeof(d->ap);
	if (getsockopt(fd, IPPROTO_SCTP, SCTP_ASSOCINFO, &d->ap, &l))
		return -1;
	l = sizeof(d->pp);
	return getsockopt(fd, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &d->pp, &l);
}

static int new_dflt(struct dflt *d)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	int ret;

	if (fd < 0)
		return -1;
	ret = read_dflt(fd, d);
	close(fd);
	return ret;
}

/* Linux's defaults (ip-sysctl.rst), as a new socket reports them. */
#define EXPECT_LINUX_DEFAULTS(d) do {					\
	EXPECT_EQ(3000U, (d).rto.srto_initial);				\
	EXPECT_EQ(1000U, (d).rto.srto_min);				\
	EXPECT_EQ(60000U, (d).rto.srto_max);				\
	EXPECT_EQ(10, (d).ap.sasoc_asocmaxrxt);				\
	EXPECT_EQ(60000U, (d).ap.sasoc_cookie_life);			\
	EXPECT_EQ(30000U, (d).pp.spp_hbinterval);			\
	EXPECT_EQ(5, (d).pp.spp_pathmaxrxt);				\
	EXPECT_EQ(200U, (d).pp.spp_sackdelay);				\
} while (0)

TEST(fresh_namespace_has_linux_defaults)
{
	struct dflt d;

	own_netns(NULL);
	EXPECT_EQ(3000, get("rto_initial"));
	EXPECT_EQ(1000, get("rto_min"));
	EXPECT_EQ(60000, get("rto_max"));
	EXPECT_EQ(30000, get("hb_interval"));
	EXPECT_EQ(200, get("sack_timeout"));
	EXPECT_EQ(60000, get("valid_cookie_life"));
	EXPECT_EQ(5, get("path_max_retrans"));
	EXPECT_EQ(10, get("association_max_retrans"));
	EXPECT_EQ(8, get("max_init_retransmits"));
	EXPECT_EQ(0, get("pf_retrans"));
	EXPECT_EQ(1, get("pf_enable"));
	EXPECT_EQ(1, get("cookie_preserve_enable"));
	EXPECT_EQ(0, get("sndbuf_policy"));
	EXPECT_EQ(0, get("rcvbuf_policy"));
	ASSERT_EQ(0, new_dflt(&d));
	EXPECT_LINUX_DEFAULTS(d);
}

TEST(new_socket_takes_the_values)
{
	struct dflt before, old, d;
	int fd;

	own_netns(NULL);
	fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, read_dflt(fd, &before));
	/* rto_max first: rto_min may not pass it, nor rto_max go below */
	ASSERT_EQ(0, set("rto_max", 30000));
	ASSERT_EQ(0, set("rto_min", 500));
	ASSERT_EQ(0, set("rto_initial", 2000));
	ASSERT_EQ(0, set("association_max_retrans", 7));
	ASSERT_EQ(0, set("valid_cookie_life", 45000));
	ASSERT_EQ(0, set("hb_interval", 15000));
	ASSERT_EQ(0, set("path_max_retrans", 3));
	ASSERT_EQ(0, set("sack_timeout", 150));
	ASSERT_EQ(0, set("max_init_retransmits", 4));
	EXPECT_EQ(30000, get("rto_max"));
	EXPECT_EQ(500, get("rto_min"));
	EXPECT_EQ(150, get("sack_timeout"));

	ASSERT_EQ(0, new_dflt(&d));
	EXPECT_EQ(2000U, d.rto.srto_initial);
	EXPECT_EQ(500U, d.rto.srto_min);
	EXPECT_EQ(30000U, d.rto.srto_max);
	EXPECT_EQ(7, d.ap.sasoc_asocmaxrxt);
	EXPECT_EQ(45000U, d.ap.sasoc_cookie_life);
	EXPECT_EQ(15000U, d.pp.spp_hbinterval);
	EXPECT_EQ(3, d.pp.spp_pathmaxrxt);
	EXPECT_EQ(150U, d.pp.spp_sackdelay);

	/* a socket that existed before keeps what it had */
	ASSERT_EQ(0, read_dflt(fd, &old));
	EXPECT_EQ(0, memcmp(&before, &old, sizeof(old)));
	EXPECT_LINUX_DEFAULTS(old);
	close(fd);
}

/* sctp.ko's ranges: each write here fails with EINVAL and changes nothing */
static const struct { const char *name; long v; } bad[] = {
	{ "rto_initial", 0 }, { "rto_initial", 86400001 },
	{ "rto_min", 0 }, { "rto_min", 60001 },		/* > rto_max */
	{ "rto_max", 999 },				/* < rto_min */
	{ "rto_max", 86400001 },
	{ "hb_interval", 0 }, { "hb_interval", 86400001 },
	{ "valid_cookie_life", 0 }, { "valid_cookie_life", 86400001 },
	{ "sack_timeout", 0 }, { "sack_timeout", 501 },
	{ "path_max_retrans", 0 }, { "path_max_retrans", -1 },
	{ "association_max_retrans", 0 },
	{ "max_init_retransmits", 0 },
	{ "pf_retrans", -1 }, { "pf_retrans", 65536 },
	{ "rto_min", 2147483648L },			/* not an int */
};

TEST(out_of_range_is_einval)
{
	struct dflt d;
	long was;
	unsigned int i;

	own_netns(NULL);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		was = get(bad[i].name);
		EXPECT_EQ(-EINVAL, set(bad[i].name, bad[i].v))
			TH_LOG("%s = %ld", bad[i].name, bad[i].v);
		EXPECT_EQ(was, get(bad[i].name))
			TH_LOG("%s = %ld", bad[i].name, bad[i].v);
	}
	/* the bounds themselves are fine, and move with rto_min / rto_max */
	EXPECT_EQ(0, set("rto_min", 60000));
	EXPECT_EQ(0, set("rto_max", 60000));
	EXPECT_EQ(-EINVAL, set("rto_max", 59999));
	EXPECT_EQ(0, set("rto_min", 1));
	EXPECT_EQ(0, set("rto_max", 86400000));
	EXPECT_EQ(0, set("sack_timeout", 500));
	EXPECT_EQ(0, set("sack_timeout", 1));
	EXPECT_EQ(0, set("pf_retrans", 65535));
	EXPECT_EQ(0, set("rto_min", 1000));
	EXPECT_EQ(0, set("rto_max", 60000));
	EXPECT_EQ(0, set("sack_timeout", 200));
	ASSERT_EQ(0, new_dflt(&d));
	EXPECT_LINUX_DEFAULTS(d);
}

TEST(each_namespace_has_its_own)
{
	struct dflt d;
	int a;

	own_netns(NULL);
	a = open("/proc/self/ns/net", O_RDONLY);
	ASSERT_LE(0, a);
	ASSERT_EQ(0, set("rto_initial", 1234));
	ASSERT_EQ(0, set("path_max_retrans", 9));

	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	EXPECT_EQ(3000, get("rto_initial"));
	EXPECT_EQ(5, get("path_max_retrans"));
	ASSERT_EQ(0, new_dflt(&d));
	EXPECT_LINUX_DEFAULTS(d);
	ASSERT_EQ(0, set("rto_initial", 4321));

	ASSERT_EQ(0, setns(a, CLONE_NEWNET));
	close(a);
	EXPECT_EQ(1234, get("rto_initial"));
	ASSERT_EQ(0, new_dflt(&d));
	EXPECT_EQ(1234U, d.rto.srto_initial);
	EXPECT_EQ(9, d.pp.spp_pathmaxrxt);
}

/*
 * max_init_retransmits (and rto_max, the cap of T1's backoff) bound a
 * connect() whose INITs all vanish: 100 + 200 ms with 1, where Linux's
 * default 8 would take 100 + 200 + 7 * 400 ms.  (SCTP_INITMSG would show
 * them directly.)
 */
TEST(max_init_retransmits_bounds_connect)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(9) };
	struct timespec t0, t1;
	long ms;
	int c;

	own_netns("tc qdisc add dev lo root netem loss 100%");
	ASSERT_EQ(0, set("rto_min", 100));
	ASSERT_EQ(0, set("rto_max", 400));
	ASSERT_EQ(0, set("rto_initial", 100));
	ASSERT_EQ(0, set("max_init_retransmits", 1));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, c);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	EXPECT_EQ(-1, connect(c, (struct sockaddr *)&a, sizeof(a)));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 +
	     (t1.tv_nsec - t0.tv_nsec) / 1000000;
	EXPECT_LE(250, ms);
	EXPECT_GT(1500, ms) TH_LOG("connect failed after %ld ms", ms);
	close(c);
}

/*
 * A listener on 127.0.0.1 and a client connecting to it, both
 * SOCK_STREAM: 0 when the association is up within @ms, else -1.
 */
static int pair(int *l, int *c, int ms)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct pollfd p = { .events = POLLOUT };
	socklen_t len = sizeof(a);
	int err = 0;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	*l = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	*c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_SCTP);
	if (*l < 0 || *c < 0 || bind(*l, (struct sockaddr *)&a, len) ||
	    getsockname(*l, (struct sockaddr *)&a, &len) || listen(*l, 1))
		return -1;
	if (connect(*c, (struct sockaddr *)&a, len) && errno != EINPROGRESS)
		return -1;
	p.fd = *c;
	if (poll(&p, 1, ms) != 1)
		return -1;
	len = sizeof(err);
	if (getsockopt(*c, SOL_SOCKET, SO_ERROR, &err, &len) || err)
		return -1;
	return 0;
}

/* pf_retrans is the PotentiallyFailed threshold of new associations */
TEST(pf_retrans_reaches_new_associations)
{
	struct sctp_paddrthlds t;
	socklen_t len = sizeof(t);
	int l, c;

	own_netns(NULL);
	ASSERT_EQ(0, set("pf_retrans", 3));
	ASSERT_EQ(0, pair(&l, &c, 5000));
	memset(&t, 0, sizeof(t));
	/* the association's own values: the wildcard address */
	t.spt_address.ss_family = AF_INET;
	ASSERT_EQ(0, getsockopt(c, IPPROTO_SCTP, SCTP_PEER_ADDR_THLDS, &t,
				&len)) TH_LOG("%s", strerror(errno));
	EXPECT_EQ(3, t.spt_pathpfthld);
	EXPECT_EQ(5, t.spt_pathmaxrxt);
	close(c);
	close(l);
}

/*
 * ps_retrans is RFC 7829 s5's Primary.Switchover.Max.Retrans of new
 * associations, read and changed with SCTP_PEER_ADDR_THLDS_V2, which
 * wants it no lower than the PF threshold.
 */
TEST(ps_retrans_reaches_new_associations)
{
	struct sctp_paddrthlds_v2 t;
	struct sockaddr_storage peer;
	socklen_t len = sizeof(t);
	int l, c;

	own_netns(NULL);
	ASSERT_EQ(0, set("ps_retrans", 7));
	ASSERT_EQ(0, pair(&l, &c, 5000));
	memset(&t, 0, sizeof(t));
	t.spt_address.ss_family = AF_INET;
	ASSERT_EQ(0, getsockopt(c, IPPROTO_SCTP, SCTP_PEER_ADDR_THLDS_V2, &t,
				&len)) TH_LOG("%s", strerror(errno));
	EXPECT_EQ(sizeof(t), len);
	EXPECT_EQ(7, t.spt_pathcpthld);
	EXPECT_EQ(0, t.spt_pathpfthld);
	/* PF threshold above the switchover one */
	t.spt_pathpfthld = 2;
	t.spt_pathcpthld = 1;
	EXPECT_EQ(-1, setsockopt(c, IPPROTO_SCTP, SCTP_PEER_ADDR_THLDS_V2,
				 &t, sizeof(t)));
	EXPECT_EQ(EINVAL, errno);
	t.spt_pathcpthld = 4;
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_PEER_ADDR_THLDS_V2,
				&t, sizeof(t))) TH_LOG("%s", strerror(errno));
	/* the path itself took it too */
	len = sizeof(peer);
	ASSERT_EQ(0, getpeername(c, (struct sockaddr *)&peer, &len));
	memset(&t, 0, sizeof(t));
	memcpy(&t.spt_address, &peer, sizeof(peer));
	len = sizeof(t);
	ASSERT_EQ(0, getsockopt(c, IPPROTO_SCTP, SCTP_PEER_ADDR_THLDS_V2, &t,
				&len)) TH_LOG("%s", strerror(errno));
	EXPECT_EQ(4, t.spt_pathcpthld);
	EXPECT_EQ(2, t.spt_pathpfthld);
	/* a PF threshold past Path.Max.Retrans is no error (as sctp.ko) */
	t.spt_pathmaxrxt = 3;
	t.spt_pathpfthld = 4;
	EXPECT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_PEER_ADDR_THLDS, &t,
				sizeof(struct sctp_paddrthlds)))
		TH_LOG("%s", strerror(errno));
	close(c);
	close(l);
}

/*
 * RFC 9260 s5.2.6: with cookies living 100 ms (valid_cookie_life) and a
 * 150 ms round trip, every first COOKIE ECHO is stale; the client asks
 * for more (Cookie Preservative).  A server with cookie_preserve_enable 0
 * ignores that, so the association never comes up: the client starts
 * over for as long as the server answers (as with sctp.ko: each INIT ACK
 * resets the count of attempts).
 */
static int stale_cookie_connect(int preserve)
{
	int l, c, ret;

	if (set("valid_cookie_life", 100) ||
	    set("cookie_preserve_enable", preserve))
		return -2;
	ret = pair(&l, &c, 3000);
	close(c);
	close(l);
	return ret;
}

TEST(cookie_preserve_enable_1_grants)
{
	own_netns("tc qdisc add dev lo root netem delay 75ms");
	EXPECT_EQ(0, stale_cookie_connect(1));
}

TEST(cookie_preserve_enable_0_ignores)
{
	own_netns("tc qdisc add dev lo root netem delay 75ms");
	EXPECT_EQ(-1, stale_cookie_connect(0));
}

TEST_HARNESS_MAIN
