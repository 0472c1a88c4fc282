// SPDX-License-Identifier: GPL-2.0
/*
 * Many held associations (bench case 5), against the one-to-many echo
 * server of bench_setup:
 *
 *   bench_scale --addr A [--port P] --count N [--block B] [--local A1,A2..]
 *               [--rr-seconds S] [--cpu-seconds S] [--hb-ms MS]
 *
 * 1. request/response rate of one busy association, nothing else open;
 * 2. CPU use of the idle guest;
 * 3. N associations opened one by one, setup rate per block of B;
 * 4. kernel memory per association (both ends: server and client run in
 *    the same kernel), from /proc/meminfo and /proc/slabinfo deltas;
 * 5. the busy association's rate again, N associations held;
 * 6. CPU use and packets on the wire with the N associations idle and
 *    heartbeating every --hb-ms.
 *
 * Each client association is its own one-to-one socket: a one-to-many
 * client socket has one port, and one port reaches a given server in one
 * association only.  --local A binds every client socket to A (one path
 * per association); with several addresses the sockets bind explicit
 * ports on each in turn, past the ephemeral range of one address.
 */
#include <errno.h>
#include <glob.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>

#include "bench.h"

/* explicit client ports, below the ephemeral range (32768-60999) */
#define PORT_LO		2000
#define PORTS_PER_ADDR	30000
#define MAX_LOCAL	16
#define TOP_CACHES	5

struct opts {
	const char *addr;
	int port;
	long count;
	long block;
	const char *local[MAX_LOCAL];
	int nlocal;
	double rr_seconds;
	double cpu_seconds;
	int hb_ms;
};

struct mem {
	long long slab_kb, used_kb;	/* /proc/meminfo */
	long long slabinfo_b;		/* sum of active objs x size */
	int ncaches;
	char (*names)[64];
	long long *bytes;
};

static void write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return;
	fputs(s, f);
	fclose(f);
}

/*
 * Drop the page cache and empty per-cpu slabs first (as tools/vm does for
 * --slab), so that freed objects and file pages do not read as growth.
 */
static void settle_memory(void)
{
	glob_t g;
	size_t i;

	sync();
	write_file("/proc/sys/vm/drop_caches", "3");
	if (!glob("/sys/kernel/slab/*/shrink", 0, NULL, &g)) {
		for (i = 0; i < g.gl_pathc; i++)
			write_file(g.gl_pathv[i], "1");
		globfree(&g);
	}
}

static void read_mem(struct mem *m)
{
	long long total = 0, mfree = 0, buffers = 0, cached = 0, v;
	char line[512], name[64];
	long long active, objsize;
	FILE *f;

	settle_memory();
	f = fopen("/proc/meminfo", "r");
	if (!f)
		bench_die("/proc/meminfo");
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "MemTotal: %lld", &v) == 1)
			total = v;
		else if (sscanf(line, "MemFree: %lld", &v) == 1)
			mfree = v;
		else if (sscanf(line, "Buffers: %lld", &v) == 1)
			buffers = v;
		else if (sscanf(line, "Cached: %lld", &v) == 1)
			cached = v;
		else if (sscanf(line, "Slab: %lld", &v) == 1)
			m->slab_kb = v;
	}
	fclose(f);
	/* kernel pages outside slab too (large kmalloc, skb page frags) */
	m->used_kb = total - mfree - buffers - cached;

	f = fopen("/proc/slabinfo", "r");
	if (!f)
		bench_die("/proc/slabinfo");
	m->slabinfo_b = 0;
	m->ncaches = 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63s %lld %*d %lld", name, &active,
			   &objsize) != 3 || name[0] == '#' ||
		    !strcmp(name, "slabinfo"))
			continue;
		m->names = realloc(m->names, (m->ncaches + 1) * sizeof(*m->names));
		m->bytes = realloc(m->bytes, (m->ncaches + 1) * sizeof(*m->bytes));
		if (!m->names || !m->bytes)
			bench_die("realloc");
		snprintf(m->names[m->ncaches], sizeof(m->names[0]), "%s", name);
		m->bytes[m->ncaches++] = active * objsize;
		m->slabinfo_b += active * objsize;
	}
	fclose(f);
}

/* The caches that grew most, to see where an association's memory goes. */
static void print_top_caches(const struct mem *a, const struct mem *b,
			     long n)
{
	long long best[TOP_CACHES] = {}, d;
	int idx[TOP_CACHES], i, j, k;

	for (k = 0; k < TOP_CACHES; k++)
		idx[k] = -1;
	for (i = 0; i < b->ncaches; i++) {
		d = b->bytes[i];
		for (j = 0; j < a->ncaches; j++)
			if (!strcmp(a->names[j], b->names[i])) {
				d -= a->bytes[j];
				break;
			}
		for (k = 0; k < TOP_CACHES; k++) {
			if (idx[k] >= 0 && d <= best[k])
				continue;
			memmove(best + k + 1, best + k,
				(TOP_CACHES - k - 1) * sizeof(best[0]));
			memmove(idx + k + 1, idx + k,
				(TOP_CACHES - k - 1) * sizeof(idx[0]));
			best[k] = d;
			idx[k] = i;
			break;
		}
	}
	printf("top_caches=");
	for (k = 0; k < TOP_CACHES && idx[k] >= 0; k++)
		printf("%s%s:%lld", k ? "," : "", b->names[idx[k]], best[k] / n);
	printf("\n");
}

/* Idle and iowait time of all CPUs so far, in USER_HZ ticks. */
static unsigned long long idle_ticks(void)
{
	unsigned long long v[5];
	FILE *f = fopen("/proc/stat", "r");

	if (!f || fscanf(f, "cpu %llu %llu %llu %llu %llu", &v[0], &v[1],
			 &v[2], &v[3], &v[4]) != 5)
		bench_die("/proc/stat");
	fclose(f);
	return v[3] + v[4];
}

/*
 * Busy time of all CPUs over the interval, in % of one CPU: the wall
 * time of the online CPUs less their idle time.  The user, system and
 * softirq fields of /proc/stat are sampled at the tick on these kernels
 * (no IRQ_TIME_ACCOUNTING), so timer work that ended before the next
 * tick read as idle, and small figures undercounted.  The idle field is
 * measured, not sampled, once the tick stops in idle (NO_HZ): an
 * interrupt or softirq on an idle CPU ends the idle period it splits.
 * (Counting cycles lost by idle-priority spinners was tried: under TCG
 * on a shared host their speed varies by +-20%, more than the signal.)
 */
static double cpu_busy_pct(double seconds)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned long long i0, i1;
	double t0, t, idle;

	i0 = idle_ticks();
	t0 = bench_now();
	usleep(seconds * 1e6);
	i1 = idle_ticks();
	t = bench_now() - t0;
	idle = (double)(i1 - i0) / sysconf(_SC_CLK_TCK);
	return (ncpu * t - idle) * 100.0 / t;
}

/* SctpOutCtrlChunks of this netns: heartbeats are most of it when idle. */
static long long ctrl_chunks(void)
{
	char line[256];
	long long v = -1;
	FILE *f = fopen("/proc/net/sctp/snmp", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "SctpOutCtrlChunks %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

/*
 * Packets through this netns's interfaces but lo: what heartbeats put on
 * the wire, counted the same way whatever the stack's own counters say.
 */
static long long net_packets(void)
{
	long long sum = 0, v;
	glob_t g;
	size_t i;

	if (glob("/sys/class/net/*/statistics/[rt]x_packets", 0, NULL, &g))
		return -1;
	for (i = 0; i < g.gl_pathc; i++) {
		FILE *f;

		if (!strncmp(g.gl_pathv[i], "/sys/class/net/lo/", 18))
			continue;
		f = fopen(g.gl_pathv[i], "r");
		if (f && fscanf(f, "%lld", &v) == 1)
			sum += v;
		if (f)
			fclose(f);
	}
	globfree(&g);
	return sum;
}

/* Request/response with 100-byte messages on one association. */
static double rr_rate(int fd, double seconds)
{
	char msg[100], back[100];
	unsigned long long n = 0;
	double t0 = bench_now(), t;

	memset(msg, 'r', sizeof(msg));
	bench_stop = 0;
	bench_alarm(seconds);
	while (!bench_stop) {
		if (bench_write_all(fd, msg, sizeof(msg))) {
			if (bench_stop)
				break;
			bench_die("busy association: send");
		}
		if (bench_read_all(fd, back, sizeof(back))) {
			if (!bench_stop)
				bench_die("busy association: recv");
			/*
			 * The timer cut the wait for a reply: take it now, or
			 * the next measurement would read it as its own.
			 */
			t = bench_now();
			if (bench_read_all(fd, back, sizeof(back)))
				bench_die("busy association: last reply");
			return n / (t - t0);
		}
		n++;
	}
	return n / (bench_now() - t0);
}

/*
 * One address: bind it, port chosen by the kernel, so that the association
 * is single-homed even if the client has more addresses.  Several: an
 * explicit port on each in turn, past what one address's ephemeral range
 * holds.
 */
static char open_error[64] = "connect";

static int open_assoc(const struct opts *o, const struct sockaddr_in *sa,
		      long k)
{
	struct sockaddr_in local;
	const char *what;
	int fd, e;

	if (!o->nlocal)
		return bench_connect(BENCH_SCTP, sa, 10);
	fd = bench_socket(BENCH_SCTP, SOCK_STREAM);
	if (o->nlocal == 1)
		bench_addr(&local, o->local[0], 0);
	else
		bench_addr(&local, o->local[k / PORTS_PER_ADDR % o->nlocal],
			   PORT_LO + k % PORTS_PER_ADDR);
	what = "bind";
	if (bind(fd, (struct sockaddr *)&local, sizeof(local)))
		goto fail;
	what = "connect";
	if (connect(fd, (const struct sockaddr *)sa, sizeof(*sa)))
		goto fail;
	return fd;
fail:
	e = errno;
	snprintf(open_error, sizeof(open_error), "%s from %s:%d", what,
		 inet_ntoa(local.sin_addr), ntohs(local.sin_port));
	close(fd);
	errno = e;
	return -1;
}

static void heartbeat(const struct opts *o, int *fds, long n,
		      double cpu_base)
{
	struct sctp_paddrparams pp = {
		.spp_hbinterval = o->hb_ms,
		.spp_flags = SPP_HB_ENABLE,
	};
	long long c0, c1, p0, p1;
	double pct;
	long i;

	for (i = 0; i < n; i++) {
		if (setsockopt(fds[i], IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
			       &pp, sizeof(pp))) {
			printf("hb_error=\"setsockopt(SCTP_PEER_ADDR_PARAMS): %s\"\n",
			       strerror(errno));
			return;
		}
	}
	/* let the new interval replace the 30 s timers already armed */
	usleep((2 * o->hb_ms + 1000) * 1000);
	/* for guest.sh --perf: the phase to profile begins */
	printf("phase=start\n");
	fflush(stdout);
	c0 = ctrl_chunks();
	p0 = net_packets();
	pct = cpu_busy_pct(o->cpu_seconds);
	c1 = ctrl_chunks();
	p1 = net_packets();
	printf("hb_cpu_pct=%.2f\n", pct - cpu_base);
	if (c0 >= 0 && c1 >= 0)
		printf("hb_chunks_per_s=%.1f\n", (c1 - c0) / o->cpu_seconds);
	if (p0 >= 0 && p1 >= 0)
		printf("hb_packets_per_s=%.1f\n", (p1 - p0) / o->cpu_seconds);
	/* a stack that falls behind the heartbeat schedule spends less CPU
	 * for less work: the cost per 1000 packets/s compares the stacks
	 */
	if (p0 >= 0 && p1 > p0)
		printf("hb_cpu_per_kpkt=%.3f\n", (pct - cpu_base) * 1000 *
		       o->cpu_seconds / (p1 - p0));
}

static void run(const struct opts *o)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	struct mem before = {}, after = {};
	struct opts first = { .nlocal = !!o->nlocal, .local = { o->local[0] } };
	struct sockaddr_in sa;
	double t0, tb, rate, cpu_base;
	int *fds, busy;
	long i, done = 0;

	fds = calloc(o->count, sizeof(*fds));
	if (!fds)
		bench_die("calloc");
	bench_addr(&sa, o->addr, o->port);
	/* from the first address, whatever --local says about the others */
	busy = open_assoc(&first, &sa, 0);
	if (busy < 0)
		bench_die("connect busy association");
	bench_nodelay(busy, BENCH_SCTP, 1);
	printf("rr_base=%.1f\n", rr_rate(busy, o->rr_seconds));
	cpu_base = cpu_busy_pct(o->cpu_seconds);
	printf("cpu_base_pct=%.2f\n", cpu_base);

	read_mem(&before);
	t0 = bench_now();
	tb = t0;
	for (i = 0; i < o->count; i++) {
		fds[i] = open_assoc(o, &sa, i);
		if (fds[i] < 0) {
			printf("error=\"association %ld of %ld: %s: %s\"\n",
			       i + 1, o->count, open_error, strerror(errno));
			break;
		}
		done = i + 1;
		if (done % o->block == 0 || done == o->count) {
			double t = bench_now();
			long in_block = done % o->block ?: o->block;

			printf("block_at=%ld rate=%.1f\n", done, in_block / (t - tb));
			tb = t;
		}
	}
	if (!done)
		return;
	rate = done / (bench_now() - t0);
	printf("assocs=%ld setup_rate=%.1f\n", done, rate);
	sleep(1);
	read_mem(&after);
	printf("slab_per_assoc=%.0f slabinfo_per_assoc=%.0f used_per_assoc=%.0f\n",
	       (after.slab_kb - before.slab_kb) * 1024.0 / done,
	       (double)(after.slabinfo_b - before.slabinfo_b) / done,
	       (after.used_kb - before.used_kb) * 1024.0 / done);
	print_top_caches(&before, &after, done);
	printf("rr_held=%.1f\n", rr_rate(busy, o->rr_seconds));
	if (o->hb_ms)
		heartbeat(o, fds, done, cpu_base);
	/* an abort per association: teardown is not what is measured */
	t0 = bench_now();
	for (i = 0; i < done; i++) {
		setsockopt(fds[i], SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
		close(fds[i]);
	}
	printf("teardown_seconds=%.2f\n", bench_now() - t0);
	if (done < o->count)
		exit(1);
}

static void usage(void)
{
	fprintf(stderr,
		"usage: bench_scale --addr A [--port N] --count N [--block N] [--local A1,A2]\n"
		"                   [--rr-seconds S] [--cpu-seconds S] [--hb-ms MS]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct opts o = {
		.port = 5202, .count = 10000, .block = 1000, .rr_seconds = 3,
		.cpu_seconds = 5, .hb_ms = 1000,
	};
	struct bench_list local = { o.local, &o.nlocal, MAX_LOCAL };
	const struct bench_opt t[] = {
		{ "addr", BO_STR, &o.addr }, { "port", BO_INT, &o.port },
		{ "count", BO_LONG, &o.count }, { "block", BO_LONG, &o.block },
		{ "local", BO_LIST, &local },
		{ "rr-seconds", BO_DOUBLE, &o.rr_seconds },
		{ "cpu-seconds", BO_DOUBLE, &o.cpu_seconds },
		{ "hb-ms", BO_INT, &o.hb_ms }, { }
	};

	bench_options(argc, argv, 1, t, usage);
	if (!o.addr || o.count < 1 || o.block < 1)
		usage();
	bench_nofile(o.count + 64);
	run(&o);
	return 0;
}
