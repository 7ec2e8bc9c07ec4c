#ifndef CAIRN_PARSE_ARENA_H
#define CAIRN_PARSE_ARENA_H

#include <stddef.h>

/// An allocator for libcmark-gfm (its `cmark_mem`): everything one parse allocates comes, a
/// piece after the next, from blocks owned by the calling thread, and is given back all at
/// once by `cairn_parse_arena_reset`. A document's parse makes well over a thousand small
/// allocations, and freeing its tree walks every node; here each allocation is a few
/// instructions and the whole tree is dropped in one step.
///
/// Everything allocated between two resets must be used and dropped on the thread that
/// allocated it. Like cmark's own allocator, an allocation that cannot be made aborts.

/// The `cmark_mem` that allocates from the calling thread's arena (a `cmark_mem *`).
void *cairn_parse_arena_memory(void);

/// Gives back everything the calling thread's arena has handed out since its last reset. The
/// memory is kept for the thread's next parse, up to a limit.
void cairn_parse_arena_reset(void);

/// How many bytes the calling thread's arena has handed out since its last reset, headers
/// included (for tests).
size_t cairn_parse_arena_bytes_in_use(void);

#endif
