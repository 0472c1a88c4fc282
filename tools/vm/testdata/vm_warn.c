// SPDX-License-Identifier: GPL-2.0
/* Raises one WARN() when loaded: tools/vm/selftest uses it to check that the
 * runner fails a run whose kernel warned although the command passed.
 */
#include <linux/bug.h>
#include <linux/module.h>

static int __init vm_warn_init(void)
{
	WARN(1, "xsctp tools/vm selftest: deliberate warning\n");
	return 0;
}

static void __exit vm_warn_exit(void)
{
}

module_init(vm_warn_init);
module_exit(vm_warn_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("tools/vm selftest: one WARN() on load");
