/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-ins for the kernel types and helpers that xsctp's pure
 * code uses; included by include/net/xsctp/pure.h outside the kernel.
 */
#ifndef _XSCTP_PURE_USER_H
#define _XSCTP_PURE_USER_H

#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <errno.h>
#include <arpa/inet.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;
typedef uint16_t __be16;
typedef uint32_t __be32;

#define be16_to_cpu(x) ntohs(x)
#define be32_to_cpu(x) ntohl(x)
#define cpu_to_be16(x) htons(x)
#define cpu_to_be32(x) htonl(x)
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((typeof(x))(a) - 1))
#define min(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
#define __packed __attribute__((packed))
#define BUILD_BUG_ON(c) _Static_assert(!(c), #c)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

/* the allocator, for the stream tables; a test may make it fail */
typedef unsigned int gfp_t;
#define GFP_KERNEL	0U
#define GFP_ATOMIC	0U
__attribute__((weak)) int pure_user_alloc_fail;

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return pure_user_alloc_fail ? NULL : calloc(n, size);
}

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kcalloc(1, size, gfp);
}

static inline void kfree(const void *p)
{
	free((void *)p);
}

#endif /* _XSCTP_PURE_USER_H */
