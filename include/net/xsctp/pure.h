/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Base types for xsctp's pure code (parser, TSN arithmetic, timer wheel,
 * SACK map, stream tables): the same source builds in the kernel and in
 * userspace for unit tests and libFuzzer, so it may include nothing but
 * this header.
 */
#ifndef _XSCTP_PURE_H
#define _XSCTP_PURE_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <asm/byteorder.h>
#else
/* Userspace stand-ins for the kernel API above (tools/unit is on -I). */
#include "pure_user.h"
#endif

/*
 * Big-endian loads from any alignment, identical in both builds (the
 * kernel's get_unaligned_be*() moved header between 6.1 and 6.12).
 */
static inline u16 xsctp_get_be16(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static inline u32 xsctp_get_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

#endif /* _XSCTP_PURE_H */
