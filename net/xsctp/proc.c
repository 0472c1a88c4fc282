// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/net/sctp/: the files sctp.ko has (snmp, eps, assocs, remaddr),
 * with its header lines and column layout, which tools parse.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/seq_file_net.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>

/* sctp.ko's names, in enum xsctp_mib_field order. */
static const char *const xsctp_mib_names[XSCTP_MIB_LINUX_MAX] = {
	"SctpCurrEstab", "SctpActiveEstabs", "SctpPassiveEstabs",
	"SctpAborteds", "SctpShutdowns", "SctpOutOfBlues",
	"SctpChecksumErrors", "SctpOutCtrlChunks", "SctpOutOrderChunks",
	"SctpOutUnorderChunks", "SctpInCtrlChunks", "SctpInOrderChunks",
	"SctpInUnorderChunks", "SctpFragUsrMsgs", "SctpReasmUsrMsgs",
	"SctpOutSCTPPacks", "SctpInSCTPPacks", "SctpT1InitExpireds",
	"SctpT1CookieExpireds", "SctpT2ShutdownExpireds",
	"SctpT3RtxExpireds", "SctpT4RtoExpireds",
	"SctpT5ShutdownGuardExpireds", "SctpDelaySackExpireds",
	"SctpAutocloseExpireds", "SctpT3Retransmits",
	"SctpPmtudRetransmits", "SctpFastRetransmits", "SctpInPktSoftirq",
	"SctpInPktBacklog", "SctpInPktDiscards", "SctpInDataChunkDiscards",
};

/* xsctp's own counters after the drop reasons, from XSCTP_MIB_ICMP_PMTU */
static const char *const xsctp_own_names[] = {
	"XsctpIcmpPmtuUpdates", "XsctpIcmpIgnored",
};

static unsigned long xsctp_mib_sum(struct xsctp_net *xn, int field)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu_ptr(xn->mib, cpu)->v[field];
	return sum;
}

static int xsctp_snmp_show(struct seq_file *seq, void *v)
{
	struct xsctp_net *xn = xsctp_net(seq_file_single_net(seq));
	int i;

	for (i = 0; i < XSCTP_MIB_LINUX_MAX; i++)
		seq_printf(seq, "%-32s\t%lu\n", xsctp_mib_names[i],
			   xsctp_mib_sum(xn, i));
	/* xsctp's own: why packets were dropped (DROP_NONE is not one) */
	for (i = 1; i < XSCTP_DROP__MAX; i++)
		seq_printf(seq, "%-32s\t%lu\n", xsctp_drop_reason_mib(i),
			   xsctp_mib_sum(xn, XSCTP_MIB_DROP_BASE + i));
	BUILD_BUG_ON(XSCTP_MIB_ICMP_PMTU + ARRAY_SIZE(xsctp_own_names) !=
		     XSCTP_MIB_MAX);
	for (i = 0; i < ARRAY_SIZE(xsctp_own_names); i++)
		seq_printf(seq, "%-32s\t%lu\n", xsctp_own_names[i],
			   xsctp_mib_sum(xn, XSCTP_MIB_ICMP_PMTU + i));
	return 0;
}

/* sctp.ko's enum sctp_socket_type, printed in the STY column */
enum { PROC_STY_ONE_TO_MANY = 0, PROC_STY_ONE_TO_ONE = 2 };

static void show_addr(struct seq_file *seq, const union xsctp_addr *a,
		      bool primary)
{
	if (primary)
		seq_putc(seq, '*');
	if (a->sa.sa_family == AF_INET)
		seq_printf(seq, "%pI4 ", &a->v4.sin_addr);
	else
		seq_printf(seq, "%pI6 ", &a->v6.sin6_addr);
}

/* sctp.ko's STY and SST: a listening one-to-many socket is TCP_LISTEN. */
static int sk_style(const struct sock *sk)
{
	return xsctp_style_tcp(sk) ? PROC_STY_ONE_TO_ONE : PROC_STY_ONE_TO_MANY;
}

static bool sk_listening(const struct sock *sk)
{
	if (xsctp_style_tcp(sk))
		return READ_ONCE(sk->sk_state) == TCP_LISTEN;
	return READ_ONCE(xsctp_sk(sk)->listening);
}

static int sk_proc_state(const struct sock *sk)
{
	return sk_listening(sk) ? TCP_LISTEN : READ_ONCE(sk->sk_state);
}

/* The one address a socket is bound to; v4-mapped shown as IPv4. */
static void sk_bound(const struct sock *sk, union xsctp_addr *a)
{
	const struct in6_addr *v6 = &sk->sk_v6_rcv_saddr;

	if (sk->sk_family == AF_INET)
		xsctp_addr_v4(a, inet_sk(sk)->inet_rcv_saddr, 0);
	else if (ipv6_addr_v4mapped(v6))
		xsctp_addr_v4(a, v6->s6_addr32[3], 0);
	else
		xsctp_addr_v6(a, v6, 0, 0);
}

/* ---- eps: a walk of the namespace's bound sockets, listeners shown ---- */

static void eps_show_sock(struct seq_file *seq, struct sock *sk)
{
	union xsctp_addr a;

	/*
	 * ENDPT: xsctp has no endpoint object apart from the socket; HBKT:
	 * binds is an rhashtable, a socket has no fixed bucket
	 */
	seq_printf(seq, "%8pK %8pK %-3d %-3d %-4d %-5d %5u %5lu ",
		   sk, sk, sk_style(sk), sk_proc_state(sk), 0,
		   inet_sk(sk)->inet_num,
		   from_kuid_munged(seq_user_ns(seq), sock_i_uid(sk)),
		   sock_i_ino(sk));
	sk_bound(sk, &a);
	show_addr(seq, &a, false);
	seq_putc(seq, '\n');
}

/*
 * Like sctp.ko, only endpoints that take new associations (listen() was
 * called) are listed.  Sockets are freed after an RCU grace period
 * (SOCK_RCU_FREE), so the walk's RCU section keeps them.
 */
static int eps_show(struct seq_file *seq, void *v)
{
	if (v == SEQ_START_TOKEN)
		seq_puts(seq, " ENDPT     SOCK   STY SST HBKT LPORT   UID INODE LADDRS\n");
	else
		eps_show_sock(seq, v);
	return 0;
}

/*
 * ---- walks of a namespace table: eps, assocs and remaddr ----
 *
 * eps walks the bound sockets and shows the listening ones.  Every
 * association of the namespace has its paths in the path table,
 * whichever socket owns it (an accept()ed one-to-one socket is not in
 * binds), so assocs and remaddr walk that table, as sctp.ko walks its
 * transports, and show an association when the walk meets its primary
 * path.  Position 0 is the header, position n the n-th object shown.
 *
 * The walker stays entered while the file is open, so each read()
 * resumes where the last one stopped: a step costs O(1) however many
 * objects there are, instead of re-walking the first n.  Between
 * rhashtable_walk_start() and _stop() we are under RCU, which keeps
 * sockets, paths and associations in memory (all are freed after a
 * grace period); a resize makes the walk start over, and may show an
 * object twice, as any rhashtable walk may.
 */
struct proc_walk {
	struct net *net;
	struct rhltable *tab;
	bool (*shown)(const void *obj);
	struct rhashtable_iter hti;
	loff_t pos;		/* of the object hti is on; 0: none yet */
};

static bool path_shown(const void *obj)
{
	const struct xsctp_path *p = obj;

	return READ_ONCE(p->asoc->primary) == p;
}

static bool sock_shown(const void *obj)
{
	return sk_listening(obj);
}

/* Under RCU: from @p on, the first object the file shows. */
static void *walk_shown(struct proc_walk *w, void *p)
{
	for (;; p = rhashtable_walk_next(&w->hti)) {
		if (p == ERR_PTR(-EAGAIN))	/* resized: walk restarted */
			continue;
		if (IS_ERR_OR_NULL(p))
			return NULL;
		if (w->shown(p))
			return p;
	}
}

static void walk_rewind(struct proc_walk *w)
{
	rhashtable_walk_exit(&w->hti);
	rhltable_walk_enter(w->tab, &w->hti);
	w->pos = 0;
}

static void *walk_start(struct seq_file *seq, loff_t *pos)
	__acquires(RCU)
{
	struct proc_walk *w = seq->private;
	void *p;

	if (!*pos || *pos < w->pos)
		walk_rewind(w);
	rhashtable_walk_start(&w->hti);
	if (!*pos)
		return SEQ_START_TOKEN;
	/* the one a previous read() stopped on, not shown yet */
	if (*pos == w->pos)
		return walk_shown(w, rhashtable_walk_peek(&w->hti));
	/* only after lseek(): move on to *pos */
	do {
		p = walk_shown(w, rhashtable_walk_next(&w->hti));
		if (!p)
			return NULL;
	} while (++w->pos < *pos);
	return p;
}

static void *walk_next(struct seq_file *seq, void *v, loff_t *pos)
{
	struct proc_walk *w = seq->private;
	void *p;

	++*pos;
	p = walk_shown(w, rhashtable_walk_next(&w->hti));
	if (p)
		w->pos = *pos;
	return p;
}

static void walk_stop(struct seq_file *seq, void *v)
	__releases(RCU)
{
	struct proc_walk *w = seq->private;

	rhashtable_walk_stop(&w->hti);
}

static const struct seq_operations eps_ops = {
	.start	= walk_start,
	.next	= walk_next,
	.stop	= walk_stop,
	.show	= eps_show,
};

/*
 * Under RCU: a reference on @asoc, and on the socket that owns it now
 * (accept() may move it), or NULL if the association is ending.
 */
static struct sock *assoc_get(struct xsctp_assoc *asoc)
{
	struct sock *sk = NULL;

	if (!refcount_inc_not_zero(&asoc->ref))
		return NULL;
	spin_lock_bh(&asoc->lock);
	if (!asoc->dead) {
		sk = asoc->sk;
		sock_hold(sk);
	}
	spin_unlock_bh(&asoc->lock);
	if (!sk)
		xsctp_assoc_put(asoc);
	return sk;
}

static void assoc_put(struct xsctp_assoc *asoc, struct sock *sk)
{
	sock_put(sk);
	xsctp_assoc_put(asoc);
}

/* sctp.ko's state numbers (enum sctp_state) are the API's minus one. */
static int assoc_proc_state(const struct xsctp_assoc *asoc)
{
	return asoc->state > SCTP_EMPTY ? asoc->state - 1 : 0;
}

/*
 * Called under asoc->lock.  The local addresses: the source address of
 * each path, once.  sctp.ko lists the association's bind list, which for
 * a wildcard bind holds the addresses in scope; xsctp binds one address,
 * and with a wildcard bind the one in use is what routing picked.
 * sctp.ko's code would mark the primary path's source with '*', but it
 * compares it with the port included, which a source address lacks, so
 * it never does: neither do we.
 */
static void assoc_show_laddrs(struct seq_file *seq, struct xsctp_assoc *asoc,
			      struct sock *sk)
{
	struct xsctp_path *p, *q;
	union xsctp_addr a;
	bool any = false;

	list_for_each_entry(p, &asoc->paths, list) {
		if (p->saddr.sa.sa_family == AF_UNSPEC)
			continue;
		list_for_each_entry(q, &asoc->paths, list)
			if (q == p || xsctp_addr_eq(&q->saddr, &p->saddr))
				break;
		if (q != p)
			continue;	/* shown already */
		show_addr(seq, &p->saddr, false);
		any = true;
	}
	if (!any) {
		sk_bound(sk, &a);
		show_addr(seq, &a, false);
	}
}

/*
 * RX_QUEUE: sctp.ko counts what the association holds for the reader;
 * here that is what waits in reassembly and ordering, plus the socket's
 * receive queue when the socket is the association's alone.
 * HBKT is 0 as in sctp.ko; RTXC (retransmitted DATA chunks) is 0: xsctp
 * keeps no such per-association count.
 */
static void assoc_show(struct seq_file *seq, struct xsctp_assoc *asoc,
		       struct sock *sk, u32 uid, unsigned long ino)
{
	struct xsctp_path *p;
	u32 rx = asoc->held;

	if (xsctp_style_tcp(sk) && !sk_listening(sk))
		rx += atomic_read(&sk->sk_rmem_alloc);
	seq_printf(seq, "%8pK %8pK %-3d %-3d %-2d %-4d %4d %8d %8d %7u %5lu %-5d %5d ",
		   asoc, sk, sk_style(sk), sk_proc_state(sk),
		   assoc_proc_state(asoc), 0, asoc->id, asoc->sndbuf_used, rx,
		   uid, ino, inet_sk(sk)->inet_num,
		   ntohs(xsctp_addr_port(&asoc->primary->addr)));
	seq_putc(seq, ' ');
	assoc_show_laddrs(seq, asoc, sk);
	seq_puts(seq, "<-> ");
	list_for_each_entry(p, &asoc->paths, list)
		show_addr(seq, &p->addr, p == asoc->primary);
	seq_printf(seq, "\t%8lu %5d %5d %4d %4d %4d %8d %8d %8d %8d %8d\n",
		   (unsigned long)asoc->hb_interval, asoc->nistreams,
		   asoc->nostreams, asoc->max_retrans, asoc->init_retries,
		   asoc->shutdown_retries, 0,
		   refcount_read(&sk->sk_wmem_alloc),
		   READ_ONCE(sk->sk_wmem_queued), READ_ONCE(sk->sk_sndbuf),
		   READ_ONCE(sk->sk_rcvbuf));
}

static int assocs_show(struct seq_file *seq, void *v)
{
	struct xsctp_path *path = v;
	struct xsctp_assoc *asoc;
	unsigned long ino;
	struct sock *sk;
	u32 uid;

	if (v == SEQ_START_TOKEN) {
		seq_puts(seq, " ASSOC     SOCK   STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE LPORT RPORT LADDRS <-> RADDRS HBINT INS OUTS MAXRT T1X T2X RTXC wmema wmemq sndbuf rcvbuf\n");
		return 0;
	}
	asoc = path->asoc;
	sk = assoc_get(asoc);
	if (!sk)
		return SEQ_SKIP;
	/* these take the socket's callback lock: not under asoc->lock */
	uid = from_kuid_munged(seq_user_ns(seq), sock_i_uid(sk));
	ino = sock_i_ino(sk);
	spin_lock_bh(&asoc->lock);
	assoc_show(seq, asoc, sk, uid, ino);
	spin_unlock_bh(&asoc->lock);
	assoc_put(asoc, sk);
	return 0;
}

/*
 * Called under asoc->lock.  REM_ADDR_RTX and START are 0, as sctp.ko
 * prints them (it keeps neither).  STATE is the SCTP_STATUS path state:
 * RFC 9260 s8.2, a destination is inactive once its error counter
 * exceeds Path.Max.Retrans.
 */
static void remaddr_show_path(struct seq_file *seq, struct xsctp_assoc *asoc,
			      struct xsctp_path *p)
{
	int state = p->errors > asoc->path_max_retrans ? SCTP_INACTIVE :
							 SCTP_ACTIVE;

	show_addr(seq, &p->addr, false);
	seq_printf(seq, " %d %d %lu %d 0 0 %d\n", asoc->id,
		   xsctp_timer_pending(&p->hb), (unsigned long)p->rto,
		   asoc->path_max_retrans, state);
}

static int remaddr_show(struct seq_file *seq, void *v)
{
	struct xsctp_path *path = v, *p;
	struct xsctp_assoc *asoc;
	struct sock *sk;

	if (v == SEQ_START_TOKEN) {
		seq_puts(seq, "ADDR ASSOC_ID HB_ACT RTO MAX_PATH_RTX REM_ADDR_RTX START STATE\n");
		return 0;
	}
	asoc = path->asoc;
	sk = assoc_get(asoc);
	if (!sk)
		return SEQ_SKIP;
	spin_lock_bh(&asoc->lock);
	list_for_each_entry(p, &asoc->paths, list)
		remaddr_show_path(seq, asoc, p);
	spin_unlock_bh(&asoc->lock);
	assoc_put(asoc, sk);
	return 0;
}

static const struct seq_operations assocs_ops = {
	.start	= walk_start,
	.next	= walk_next,
	.stop	= walk_stop,
	.show	= assocs_show,
};

static const struct seq_operations remaddr_ops = {
	.start	= walk_start,
	.next	= walk_next,
	.stop	= walk_stop,
	.show	= remaddr_show,
};

/*
 * proc_create_net() has no release hook to leave the walk, so these
 * files open themselves.  The reference on the namespace keeps its path
 * table until release; module unload closes open files first
 * (remove_proc_subtree()), before the table is destroyed.
 */
static int walk_open(struct inode *inode, struct file *file,
		     const struct seq_operations *ops, bool socks)
{
	struct net *net = maybe_get_net(pde_data(inode));
	struct proc_walk *w;

	if (!net)
		return -ENXIO;
	w = __seq_open_private(file, ops, sizeof(*w));
	if (!w) {
		put_net(net);
		return -ENOMEM;
	}
	w->net = net;
	w->tab = socks ? &xsctp_net(net)->binds : &xsctp_net(net)->paths;
	w->shown = socks ? sock_shown : path_shown;
	rhltable_walk_enter(w->tab, &w->hti);
	return 0;
}

static int walk_release(struct inode *inode, struct file *file)
{
	struct proc_walk *w = ((struct seq_file *)file->private_data)->private;

	rhashtable_walk_exit(&w->hti);
	put_net(w->net);
	return seq_release_private(inode, file);
}

static int assocs_open(struct inode *inode, struct file *file)
{
	return walk_open(inode, file, &assocs_ops, false);
}

static int remaddr_open(struct inode *inode, struct file *file)
{
	return walk_open(inode, file, &remaddr_ops, false);
}

static int eps_open(struct inode *inode, struct file *file)
{
	return walk_open(inode, file, &eps_ops, true);
}

static const struct proc_ops eps_proc_ops = {
	.proc_open	= eps_open,
	.proc_read_iter	= seq_read_iter,
	.proc_lseek	= seq_lseek,
	.proc_release	= walk_release,
};

static const struct proc_ops assocs_proc_ops = {
	.proc_open	= assocs_open,
	.proc_read_iter	= seq_read_iter,
	.proc_lseek	= seq_lseek,
	.proc_release	= walk_release,
};

static const struct proc_ops remaddr_proc_ops = {
	.proc_open	= remaddr_open,
	.proc_read_iter	= seq_read_iter,
	.proc_lseek	= seq_lseek,
	.proc_release	= walk_release,
};

int xsctp_proc_init_net(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	struct proc_dir_entry *d;

	d = proc_net_mkdir(net, "sctp", net->proc_net);
	if (!d)
		return -ENOMEM;
	xn->proc_dir = d;
	if (!proc_create_net_single("snmp", 0444, d, xsctp_snmp_show, NULL) ||
	    !proc_create_data("eps", 0444, d, &eps_proc_ops, net) ||
	    !proc_create_data("assocs", 0444, d, &assocs_proc_ops, net) ||
	    !proc_create_data("remaddr", 0444, d, &remaddr_proc_ops, net)) {
		remove_proc_subtree("sctp", net->proc_net);
		return -ENOMEM;
	}
	return 0;
}

void xsctp_proc_exit_net(struct net *net)
{
	remove_proc_subtree("sctp", net->proc_net);
}
