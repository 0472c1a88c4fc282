// SPDX-License-Identifier: GPL-2.0
/* Module entry: claims IP protocol 132 and the SCTP socket types. */
#include <linux/module.h>
#include <net/protocol.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/output.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/timer.h>

unsigned int xsctp_net_id __read_mostly;
bool xsctp_ready __read_mostly;		/* per-netns state exists */

static const struct net_protocol xsctp_v4_protocol = {
	.handler	= xsctp_v4_rcv,
	.err_handler	= xsctp_v4_err,
	.no_policy	= 1,
	/* ICMP for SCTP is matched against the verification tag too. */
	.icmp_strict_tag_validation = 1,
};

static const struct inet6_protocol xsctp_v6_protocol = {
	.handler	= xsctp_v6_rcv,
	.err_handler	= xsctp_v6_err,
	.flags		= INET6_PROTO_NOPOLICY | INET6_PROTO_FINAL,
};

static struct inet_protosw xsctp_protosw[] = {
	{ .type = SOCK_STREAM, .protocol = IPPROTO_SCTP,
	  .prot = &xsctp_prot, .ops = &xsctp_stream_ops },
	{ .type = SOCK_SEQPACKET, .protocol = IPPROTO_SCTP,
	  .prot = &xsctp_prot, .ops = &xsctp_seqpacket_ops },
};

static struct inet_protosw xsctp6_protosw[] = {
	{ .type = SOCK_STREAM, .protocol = IPPROTO_SCTP,
	  .prot = &xsctpv6_prot, .ops = &xsctp6_stream_ops },
	{ .type = SOCK_SEQPACKET, .protocol = IPPROTO_SCTP,
	  .prot = &xsctpv6_prot, .ops = &xsctp6_seqpacket_ops },
};

static int __net_init xsctp_net_init(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	int err;

	xn->mib = alloc_percpu(struct xsctp_mib);
	if (!xn->mib)
		return -ENOMEM;
	xsctp_cookie_keys_init(&xn->cookie_keys);
	err = xsctp_bind_net_init(xn);
	if (err)
		goto out_mib;
	err = xsctp_assoc_net_init(net);
	if (err)
		goto out_bind;
	err = xsctp_proc_init_net(net);
	if (err)
		goto out_assoc;
	err = xsctp_sysctl_init_net(net);
	if (err)
		goto out_proc;
	return 0;
out_proc:
	xsctp_proc_exit_net(net);
out_assoc:
	xsctp_assoc_net_exit(net);
out_bind:
	xsctp_bind_net_exit(xn);
out_mib:
	free_percpu(xn->mib);
	return err;
}

static void __net_exit xsctp_net_exit(struct net *net)
{
	xsctp_sysctl_exit_net(net);
	xsctp_proc_exit_net(net);
	xsctp_assoc_net_exit(net);
	xsctp_bind_net_exit(xsctp_net(net));
	free_percpu(xsctp_net(net)->mib);
}

static struct pernet_operations xsctp_net_ops = {
	.init	= xsctp_net_init,
	.exit	= xsctp_net_exit,
	.id	= &xsctp_net_id,
	.size	= sizeof(struct xsctp_net),
};

static int xsctp_register_protosw(void)
{
	int i, err;

	for (i = 0; i < ARRAY_SIZE(xsctp_protosw); i++)
		inet_register_protosw(&xsctp_protosw[i]);
	for (i = 0; i < ARRAY_SIZE(xsctp6_protosw); i++) {
		err = inet6_register_protosw(&xsctp6_protosw[i]);
		if (err)
			goto undo;
	}
	return 0;
undo:
	while (--i >= 0)
		inet6_unregister_protosw(&xsctp6_protosw[i]);
	for (i = 0; i < ARRAY_SIZE(xsctp_protosw); i++)
		inet_unregister_protosw(&xsctp_protosw[i]);
	return err;
}

static void xsctp_unregister_protosw(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(xsctp6_protosw); i++)
		inet6_unregister_protosw(&xsctp6_protosw[i]);
	for (i = 0; i < ARRAY_SIZE(xsctp_protosw); i++)
		inet_unregister_protosw(&xsctp_protosw[i]);
}

/* Only one module can own protocol 132 (inet_add_protocol() is a cmpxchg
 * on a single slot), so this is also how we learn that sctp.ko is loaded.
 */
static int xsctp_add_protocols(void)
{
	if (inet_add_protocol(&xsctp_v4_protocol, IPPROTO_SCTP) < 0)
		goto taken;
	if (inet6_add_protocol(&xsctp_v6_protocol, IPPROTO_SCTP) < 0) {
		inet_del_protocol(&xsctp_v4_protocol, IPPROTO_SCTP);
		goto taken;
	}
	return 0;
taken:
	pr_err("xsctp: IP protocol 132 is already registered (is sctp.ko loaded? unload it first)\n");
	return -EEXIST;
}

static void xsctp_del_protocols(void)
{
	inet6_del_protocol(&xsctp_v6_protocol, IPPROTO_SCTP);
	inet_del_protocol(&xsctp_v4_protocol, IPPROTO_SCTP);
}

static int __init xsctp_init(void)
{
	int err;

	err = xsctp_assoc_cache_init();
	if (err)
		return err;
	err = xsctp_timer_init();
	if (err)
		goto out_cache;
	err = proto_register(&xsctp_prot, 1);
	if (err)
		goto out_timer;
	err = proto_register(&xsctpv6_prot, 1);
	if (err)
		goto out_prot;
	/* Claim protocol 132 before anything visible (/proc/net/sctp, ...)
	 * exists, so that when sctp.ko owns it nothing of ours clashes.
	 * Packets arriving before we are ready are dropped by the handler.
	 */
	err = xsctp_add_protocols();
	if (err)
		goto out_prot6;
	err = register_pernet_subsys(&xsctp_net_ops);
	if (err)
		goto out_proto;
	err = xsctp_register_protosw();
	if (err)
		goto out_pernet;
	xsctp_output_init();
	WRITE_ONCE(xsctp_ready, true);
	return 0;

out_pernet:
	unregister_pernet_subsys(&xsctp_net_ops);
out_proto:
	xsctp_del_protocols();
out_prot6:
	proto_unregister(&xsctpv6_prot);
out_prot:
	proto_unregister(&xsctp_prot);
out_timer:
	xsctp_timer_exit();
out_cache:
	xsctp_assoc_cache_exit();
	return err;
}

/* Sockets pin the module (sk_prot_alloc() takes a reference on
 * prot->owner), so when this runs no xsctp socket exists any more.
 */
static void __exit xsctp_exit(void)
{
	WRITE_ONCE(xsctp_ready, false);
	xsctp_unregister_protosw();
	/* waits for handlers in flight (synchronize_net()) */
	xsctp_del_protocols();
	xsctp_output_exit();
	unregister_pernet_subsys(&xsctp_net_ops);
	proto_unregister(&xsctpv6_prot);
	proto_unregister(&xsctp_prot);
	/* associations free after a grace period: wait for those */
	rcu_barrier();
	xsctp_timer_exit();
	xsctp_assoc_cache_exit();
}

module_init(xsctp_init);
module_exit(xsctp_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("xsctp: SCTP (RFC 9260) for Linux");
MODULE_ALIAS("net-pf-" __stringify(PF_INET) "-proto-132");
MODULE_ALIAS("net-pf-" __stringify(PF_INET6) "-proto-132");
