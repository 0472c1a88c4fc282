/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers shared by the C selftests. */
#ifndef _XSCTP_SELFTEST_HELPERS_H
#define _XSCTP_SELFTEST_HELPERS_H

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

static inline int sh(const char *cmd)
{
	return system(cmd) == 0 ? 0 : -1;
}

/*
 * The next SCTP_ASSOC_CHANGE on @fd within @ms (data is skipped): its
 * sac_state, and its association id in *@id when @id is not NULL.
 */
static inline int assoc_change_id(int fd, int ms, sctp_assoc_t *id)
{
	union { struct sctp_assoc_change sac; char b[512]; } n;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	for (;;) {
		struct iovec iov = { &n, sizeof(n) };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

		if (poll(&p, 1, ms) != 1)
			return -ETIMEDOUT;
		if (recvmsg(fd, &m, 0) < 0)
			return -errno;
		if ((m.msg_flags & MSG_NOTIFICATION) &&
		    n.sac.sac_type == SCTP_ASSOC_CHANGE) {
			if (id)
				*id = n.sac.sac_assoc_id;
			return n.sac.sac_state;
		}
	}
}

static inline int assoc_change(int fd, int ms)
{
	return assoc_change_id(fd, ms, NULL);
}

static inline long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

/*
 * Waits up to @ms until at most @unacked of @fd's DATA chunks are
 * unacknowledged and its peer's window is at most @rwnd (SCTP_STATUS);
 * the ms it took, or -1.
 */
static inline long long wait_status(int fd, int ms, uint32_t unacked,
				    uint32_t rwnd)
{
	long long t0 = now_ms();

	do {
		struct sctp_status st = {};
		socklen_t len = sizeof(st);

		if (getsockopt(fd, IPPROTO_SCTP, SCTP_STATUS, &st, &len))
			return -1;
		if (st.sstat_unackdata <= unacked && st.sstat_rwnd <= rwnd)
			return now_ms() - t0;
		usleep(2000);
	} while (now_ms() - t0 < ms);
	return -1;
}

/* Until none of @fd's DATA is unacknowledged. */
static inline long long wait_acked(int fd, int ms)
{
	return wait_status(fd, ms, 0, UINT32_MAX);
}

/* A counter of /proc/net/sctp/snmp, or -1. */
static inline long snmp(const char *name)
{
	FILE *f = fopen("/proc/net/sctp/snmp", "r");
	char key[64];
	long v, found = -1;

	if (!f)
		return -1;
	while (fscanf(f, "%63s %ld", key, &v) == 2)
		if (!strcmp(key, name))
			found = v;
	fclose(f);
	return found;
}

/* Is the SCTP here xsctp, not sctp.ko?  /proc/net/protocols names it. */
static inline int on_xsctp(void)
{
	FILE *f = fopen("/proc/net/protocols", "r");
	char line[512];
	int found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof(line), f))
		found = !strncmp(line, "SCTP ", 5) && strstr(line, " xsctp ");
	fclose(f);
	return found;
}

/* RFC 9260 appendix B: CRC32c, reflected, as the checksum field holds it. */
static inline uint32_t crc32c(const uint8_t *p, size_t n)
{
	uint32_t c = ~0U;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = c >> 1 ^ (0x82f63b78U & -(c & 1));
	}
	return ~c;
}

/* Fills in the checksum of SCTP packet @p (header first), @n bytes. */
static inline void sctp_csum(uint8_t *p, size_t n)
{
	uint32_t c;

	memset(p + 8, 0, 4);
	c = crc32c(p, n);
	memcpy(p + 8, &c, 4);		/* little-endian host */
}

/*
 * Sends SCTP packet @p (@n bytes, chunks from byte 12) on raw socket @r
 * from port @sport (network order) to @to, whose port is the destination
 * port, with tag @vtag (host order): header and checksum filled in.
 */
static inline int raw_send(int r, uint8_t *p, size_t n, uint16_t sport,
			   const void *to, socklen_t tolen, uint32_t vtag)
{
	struct sockaddr_storage dst;

	memcpy(&dst, to, tolen);
	/* sin_port and sin6_port are at the same offset */
	memcpy(p, &sport, 2);
	memcpy(p + 2, &((struct sockaddr_in *)&dst)->sin_port, 2);
	vtag = htonl(vtag);
	memcpy(p + 4, &vtag, 4);
	sctp_csum(p, n);
	((struct sockaddr_in *)&dst)->sin_port = 0;	/* raw: no port */
	return sendto(r, p, n, 0, (struct sockaddr *)&dst, tolen) ==
	       (ssize_t)n ? 0 : -1;
}

/*
 * The next packet IPv4 raw socket @r sees to port @dport (network order)
 * whose first chunk is @type, within @ms: its SCTP part, at most @size
 * bytes of it, in @out.  Returns the bytes copied or -errno.
 */
static inline int raw_next_ms(int r, uint16_t dport, uint8_t type,
			      uint8_t *out, size_t size, int ms)
{
	struct pollfd p = { .fd = r, .events = POLLIN };
	uint8_t pkt[4096];
	int n, ihl;

	for (;;) {
		if (poll(&p, 1, ms) != 1)
			return -ETIMEDOUT;
		n = recv(r, pkt, sizeof(pkt), 0);
		if (n < 0)
			return -errno;
		ihl = (pkt[0] & 15) * 4;
		if (n < ihl + 16 || memcmp(pkt + ihl + 2, &dport, 2) ||
		    pkt[ihl + 12] != type)
			continue;
		n -= ihl;
		if ((size_t)n > size)
			n = size;
		memset(out, 0, size);
		memcpy(out, pkt + ihl, n);
		return n;
	}
}

#endif /* _XSCTP_SELFTEST_HELPERS_H */
