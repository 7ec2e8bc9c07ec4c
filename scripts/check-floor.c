/*
 * The bench's floor for `cairn check`: the least any check of a corpus can take on this
 * machine while it parses every plan with libcmark-gfm, as DESIGN requires.
 *
 * It does only what a check cannot skip: it reads every plan and parses it the way Cairn does,
 * and it reads every status record. Cairn's parse uses option CMARK_OPT_FOOTNOTES and the
 * extensions table, tasklist, strikethrough and tagfilter. It adds autolink only when the text
 * has an `@`, a `://` or a `www.`, and it allocates from Cairn's own arena
 * (Sources/CParseArena). The records are read but not decoded. Nothing is built from the trees.
 *
 * The files are dealt round-robin to WORKERS processes, one per core. They are processes
 * because libcmark-gfm cannot parse on two threads of one process at once: Cairn takes
 * `cmark_parser_finish` on one thread at a time. The workers' summed time in that call is
 * printed too, because in one process it cannot overlap, and so it is a floor of its own.
 *
 * usage: check-floor CONTENT_FOLDER WORKERS
 *   CONTENT_FOLDER holds the plans (`.md`) in plans/, and the records (`.json`) in
 *   status/deploys, status/backups and status/metrics
 * prints: <plans> plans, <records> records read; cmark_parser_finish <seconds> s in all
 *
 * Built and run by scripts/bench (`make bench`); not part of Cairn.
 */
#include "CParseArena.h"
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *extensions[] = {"table", "tasklist", "strikethrough", "tagfilter"};

struct file_list {
    char **paths;
    size_t count, capacity;
};

static int has_suffix(const char *name, const char *suffix) {
    size_t length = strlen(name), suffix_length = strlen(suffix);
    return length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0;
}

/* Appends the files of `folder` whose names end in `suffix`, in name order; a missing folder
 * adds none. */
static void add_files(struct file_list *list, const char *folder, const char *suffix) {
    struct dirent **names;
    int count = scandir(folder, &names, NULL, alphasort);
    if (count < 0) return;
    for (int index = 0; index < count; index++) {
        if (has_suffix(names[index]->d_name, suffix)) {
            if (list->count == list->capacity) {
                list->capacity = list->capacity ? list->capacity * 2 : 1024;
                list->paths = realloc(list->paths, list->capacity * sizeof *list->paths);
                if (!list->paths) abort();
            }
            size_t length = strlen(folder) + strlen(names[index]->d_name) + 2;
            char *path = malloc(length);
            if (!path) abort();
            snprintf(path, length, "%s/%s", folder, names[index]->d_name);
            list->paths[list->count++] = path;
        }
        free(names[index]);
    }
    free(names);
}

/* Reads the whole file into `*text` (grown as needed); its length, or -1. */
static long read_whole(const char *path, char **text, size_t *capacity) {
    int descriptor = open(path, O_RDONLY);
    if (descriptor < 0) return -1;
    size_t length = 0;
    for (;;) {
        if (length == *capacity) {
            *capacity *= 2;
            *text = realloc(*text, *capacity);
            if (!*text) abort();
        }
        ssize_t got = read(descriptor, *text + length, *capacity - length);
        if (got < 0) {
            close(descriptor);
            return -1;
        }
        if (got == 0) break;
        length += (size_t)got;
    }
    close(descriptor);
    return (long)length;
}

/* What the autolink extension could link: an `@`, a `://`, or `www.` in any case. */
static int may_autolink(const char *text, size_t length) {
    for (size_t index = 0; index < length; index++) {
        char byte = text[index];
        if (byte == '@') return 1;
        if (byte == ':' && index + 2 < length && text[index + 1] == '/' && text[index + 2] == '/')
            return 1;
        if (byte == '.' && index >= 3 && (text[index - 3] | 0x20) == 'w'
            && (text[index - 2] | 0x20) == 'w' && (text[index - 1] | 0x20) == 'w')
            return 1;
    }
    return 0;
}

static double seconds_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* One worker: every `workers`-th file from `first`; the seconds spent in cmark_parser_finish. */
static double work(const struct file_list *plans, const struct file_list *records, size_t first,
                   size_t workers) {
    size_t capacity = 1 << 16;
    char *text = malloc(capacity);
    if (!text) abort();
    double finishing = 0;
    size_t total = plans->count + records->count;
    for (size_t index = first; index < total; index += workers) {
        int is_plan = index < plans->count;
        const char *path = is_plan ? plans->paths[index] : records->paths[index - plans->count];
        long length = read_whole(path, &text, &capacity);
        if (length < 0) {
            perror(path);
            exit(2);
        }
        if (!is_plan) continue;
        cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES, cairn_parse_arena_memory());
        for (size_t e = 0; e < sizeof extensions / sizeof *extensions; e++)
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[e]));
        if (may_autolink(text, (size_t)length))
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("autolink"));
        cmark_parser_feed(parser, text, (size_t)length);
        double start = seconds_now();
        cmark_parser_finish(parser);
        finishing += seconds_now() - start;
        cairn_parse_arena_reset();
    }
    free(text);
    return finishing;
}

int main(int argc, char **argv) {
    long workers = argc == 3 ? strtol(argv[2], NULL, 10) : 0;
    if (workers < 1) {
        fprintf(stderr, "usage: check-floor CONTENT_FOLDER WORKERS\n");
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    const char *content = argv[1];
    struct file_list plans = {0}, records = {0};
    char folder[4096];
    snprintf(folder, sizeof folder, "%s/plans", content);
    add_files(&plans, folder, ".md");
    static const char *kinds[] = {"deploys", "backups", "metrics"};
    for (size_t kind = 0; kind < 3; kind++) {
        snprintf(folder, sizeof folder, "%s/status/%s", content, kinds[kind]);
        add_files(&records, folder, ".json");
    }
    int times[2];
    if (pipe(times) != 0) {
        perror("pipe");
        return 2;
    }
    for (long worker = 0; worker < workers; worker++) {
        pid_t child = fork();
        if (child < 0) {
            perror("fork");
            return 2;
        }
        if (child == 0) {
            double finishing = work(&plans, &records, (size_t)worker, (size_t)workers);
            if (write(times[1], &finishing, sizeof finishing) != sizeof finishing) _exit(2);
            _exit(0);
        }
    }
    close(times[1]);
    double finishing = 0, one;
    while (read(times[0], &one, sizeof one) == sizeof one) finishing += one;
    int failed = 0, status;
    while (wait(&status) > 0)
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) failed = 1;
    if (failed) return 2;
    printf("%zu plans, %zu records read; cmark_parser_finish %.3f s in all\n", plans.count,
           records.count, finishing);
    return 0;
}
