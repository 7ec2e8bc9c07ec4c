#include "CParseArena.h"

#include <cmark-gfm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// Each allocation is preceded by its size, so that `realloc` knows how much to copy; both
/// keep 16-byte alignment.
#define HEADER 16
/// The smallest block; a plan's parse and its HTML usually fit in one.
#define MINIMUM_BLOCK ((size_t)256 * 1024)
/// More than this is not kept between parses: one huge document does not pin its memory.
#define KEPT_LIMIT ((size_t)16 * 1024 * 1024)

typedef struct Block {
    struct Block *previous;
    size_t capacity;
    size_t used;
    size_t padding; /* keeps `data` 16-byte aligned */
    unsigned char data[];
} Block;

static _Thread_local Block *current;
/// The newest allocation: `realloc` grows it in place when the block has room.
static _Thread_local unsigned char *newest;

static void out_of_memory(void) {
    fputs("[cairn] the parse arena could not allocate memory, aborting\n", stderr);
    abort();
}

static size_t rounded(size_t size) {
    if (size > SIZE_MAX - 15 - HEADER) out_of_memory();
    return (size + 15) & ~(size_t)15;
}

static void *allocate(size_t size) {
    size_t need = HEADER + rounded(size);
    if (current == NULL || current->capacity - current->used < need) {
        size_t capacity = current ? current->capacity * 2 : MINIMUM_BLOCK;
        if (capacity < need) capacity = need;
        Block *block = malloc(sizeof(Block) + capacity);
        if (block == NULL) out_of_memory();
        block->previous = current;
        block->capacity = capacity;
        block->used = 0;
        current = block;
    }
    unsigned char *start = current->data + current->used;
    current->used += need;
    memcpy(start, &size, sizeof size);
    newest = start + HEADER;
    return newest;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    void *pointer = allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return allocate(size);
    size_t old;
    memcpy(&old, (unsigned char *)pointer - HEADER, sizeof old);
    if (pointer == newest) {
        /* The newest allocation ends where the block's free space starts: grow it there. */
        size_t start = (size_t)((unsigned char *)pointer - current->data);
        size_t grown = rounded(size);
        if (grown <= current->capacity - start) {
            current->used = start + grown;
            memcpy((unsigned char *)pointer - HEADER, &size, sizeof size);
            return pointer;
        }
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, old < size ? old : size);
    return moved;
}

static void arena_free(void *pointer) {
    (void)pointer; /* given back by the next reset */
}

static cmark_mem arena_memory = {arena_calloc, arena_realloc, arena_free};

void *cairn_parse_arena_memory(void) { return &arena_memory; }

void cairn_parse_arena_reset(void) {
    newest = NULL;
    if (current == NULL) return;
    if (current->previous == NULL) {
        current->used = 0;
        if (current->capacity <= KEPT_LIMIT) return;
        free(current);
        current = NULL;
        return;
    }
    /* Several blocks: replace them by one that holds as much, so the next parse of a
       document this size needs one. */
    size_t total = 0;
    while (current != NULL) {
        Block *previous = current->previous;
        total += current->capacity;
        free(current);
        current = previous;
    }
    if (total > KEPT_LIMIT) return;
    Block *block = malloc(sizeof(Block) + total);
    if (block == NULL) return;
    block->previous = NULL;
    block->capacity = total;
    block->used = 0;
    current = block;
}

size_t cairn_parse_arena_bytes_in_use(void) {
    size_t total = 0;
    for (Block *block = current; block != NULL; block = block->previous) total += block->used;
    return total;
}
