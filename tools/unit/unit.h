/* SPDX-License-Identifier: GPL-2.0 */
/* A minimal KTAP unit-test harness for xsctp's pure code on the host. */
#ifndef _XSCTP_UNIT_H
#define _XSCTP_UNIT_H

#include <stdio.h>
#include <stdlib.h>

struct unit_case {
	const char *name;
	void (*fn)(int *failed);
};

#define UNIT_CHECK(cond) do {						\
	if (!(cond)) {							\
		printf("# %s:%d: check failed: %s\n",			\
		       __FILE__, __LINE__, #cond);			\
		*failed = 1;						\
		return;							\
	}								\
} while (0)

#define UNIT_CHECK_EQ(a, b) do {					\
	long long _a = (long long)(a), _b = (long long)(b);		\
	if (_a != _b) {							\
		printf("# %s:%d: %s == %lld, expected %s == %lld\n",	\
		       __FILE__, __LINE__, #a, _a, #b, _b);		\
		*failed = 1;						\
		return;							\
	}								\
} while (0)

#define UNIT(name) static void name(int *failed)

/* Runs every case, prints KTAP, returns the process exit status. */
static inline int unit_run(const char *suite, const struct unit_case *c,
			   int n)
{
	int i, bad = 0;

	printf("KTAP version 1\n# suite: %s\n1..%d\n", suite, n);
	for (i = 0; i < n; i++) {
		int failed = 0;

		c[i].fn(&failed);
		printf("%s %d %s\n", failed ? "not ok" : "ok", i + 1,
		       c[i].name);
		bad |= failed;
	}
	return bad ? 1 : 0;
}

#define UNIT_CASE(fn) { #fn, fn }
#define UNIT_MAIN(suite, ...)						\
int main(void)								\
{									\
	static const struct unit_case cases[] = { __VA_ARGS__ };	\
	return unit_run(suite, cases, ARRAY_SIZE(cases));		\
}

#endif /* _XSCTP_UNIT_H */
