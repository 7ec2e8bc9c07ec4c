#ifndef CAIRN_ATOMIC_RENAME_H
#define CAIRN_ATOMIC_RENAME_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): there is no moment at
/// which either path is missing. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the
/// file system or kernel cannot exchange).
int cairn_exchange_paths(const char *first, const char *second);

#endif
