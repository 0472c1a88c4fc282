/* SPDX-License-Identifier: GPL-2.0 */
/* Shared parts of the benchmark load generators (Documentation/benchmarks.rst). */
#ifndef _XSCTP_BENCH_H
#define _XSCTP_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>
#include <sys/uio.h>

enum bench_proto { BENCH_SCTP, BENCH_TCP };

/*
 * Every message starts with this header.  The receiver recomputes the
 * payload hash, so a message that was cut, merged with its neighbour or
 * corrupted is counted as bad rather than as throughput.
 */
struct bench_hdr {
	uint64_t seq;
	uint64_t sum;		/* hash of the payload, xor seq */
	uint32_t len;		/* whole message, header included */
	uint32_t magic;
};

#define BENCH_MAGIC	0x58534354u	/* "XSCT" */
#define BENCH_MAX_MSG	(1 << 20)
/* payload offsets cycle through this many rotations of one pattern */
#define BENCH_ROT	61

struct bench_gen {
	unsigned char *pattern;		/* size + BENCH_ROT bytes */
	size_t size;
	uint64_t sums[BENCH_ROT];
};

/* Reassembles messages from a byte stream (TCP) or MSG_EOR pieces (SCTP). */
struct bench_rx {
	unsigned char *buf;
	size_t have;
	size_t size;		/* expected message size */
	uint64_t msgs, bytes, bad;
};

extern volatile int bench_stop;

/* One --name option of a load generator and where its value goes. */
enum bench_opt_kind { BO_INT, BO_LONG, BO_SIZE, BO_DOUBLE, BO_FLAG, BO_STR,
		      BO_PROTO, BO_LIST };

struct bench_opt {
	const char *name;
	enum bench_opt_kind kind;
	void *dst;
};

/* BO_LIST: comma-separated values appended to v[*n], at most max */
struct bench_list {
	const char **v;
	int *n;
	int max;
};

void bench_options(int argc, char **argv, int first,
		   const struct bench_opt *t, void (*usage)(void));

double bench_now(void);
void bench_die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void bench_alarm(double seconds);
void bench_nofile(unsigned long n);
enum bench_proto bench_parse_proto(const char *s);
void bench_addr(struct sockaddr_in *sa, const char *host, int port);
int bench_socket(enum bench_proto p, int type);
void bench_nodelay(int fd, enum bench_proto p, int on);
int bench_listen(enum bench_proto p, int type, int port, int backlog);
int bench_connect(enum bench_proto p, const struct sockaddr_in *sa,
		  double timeout);

uint64_t bench_hash(const void *p, size_t n);
void bench_gen_init(struct bench_gen *g, size_t size);
void bench_gen_msg(const struct bench_gen *g, uint64_t seq,
		   struct bench_hdr *h, struct iovec iov[2]);
bool bench_msg_ok(const void *buf, size_t len);
void bench_rx_init(struct bench_rx *rx, size_t size);
void bench_rx_stream(struct bench_rx *rx, const void *p, size_t n);
void bench_rx_piece(struct bench_rx *rx, const void *p, size_t n, bool eor);

ssize_t bench_send_sctp(int fd, struct iovec *iov, int iovcnt,
			uint16_t sid, int flags);
int bench_write_all(int fd, const void *p, size_t n);
int bench_read_all(int fd, void *p, size_t n);

#endif
