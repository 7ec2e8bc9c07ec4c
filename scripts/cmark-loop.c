/*
 * The bench's reference point: libcmark-gfm alone, in one C process, over every plan of a
 * corpus, with the extensions and options Cairn parses and renders with (sourcepos and
 * footnotes; table, tasklist, strikethrough, autolink, tagfilter).
 *
 * usage: cmark-loop PLANS_FOLDER MODE [OUTPUT_FOLDER]
 *   MODE parse   parse each document
 *        render  parse it and render its HTML
 *        write   parse, render, and write the HTML to OUTPUT_FOLDER/<name>.html
 *
 * Built and run by scripts/bench (`make bench`); not part of Cairn.
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *extensions[] = {"table", "tasklist", "strikethrough", "autolink", "tagfilter"};

static int is_markdown(const char *name) {
    size_t length = strlen(name);
    return length > 3 && strcmp(name + length - 3, ".md") == 0;
}

int main(int argc, char **argv) {
    if (argc < 3 || (strcmp(argv[2], "write") == 0 && argc < 4)) {
        fprintf(stderr, "usage: cmark-loop PLANS_FOLDER parse|render|write [OUTPUT_FOLDER]\n");
        return 2;
    }
    const char *folder = argv[1];
    int renders = strcmp(argv[2], "parse") != 0;
    int writes = strcmp(argv[2], "write") == 0;
    cmark_gfm_core_extensions_ensure_registered();
    struct dirent **names;
    int count = scandir(folder, &names, NULL, alphasort);
    if (count < 0) {
        perror(folder);
        return 2;
    }
    size_t capacity = 1 << 20;
    char *text = malloc(capacity);
    char path[4096];
    size_t documents = 0, html_bytes = 0;
    for (int index = 0; index < count; index++) {
        const char *name = names[index]->d_name;
        if (!is_markdown(name)) continue;
        snprintf(path, sizeof path, "%s/%s", folder, name);
        FILE *input = fopen(path, "rb");
        if (!input) {
            perror(path);
            return 2;
        }
        size_t length = 0, read;
        while ((read = fread(text + length, 1, capacity - length, input)) > 0) {
            length += read;
            if (length == capacity) text = realloc(text, capacity *= 2);
        }
        fclose(input);
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
        for (size_t e = 0; e < sizeof extensions / sizeof *extensions; e++) {
            cmark_syntax_extension *extension = cmark_find_syntax_extension(extensions[e]);
            if (extension) cmark_parser_attach_syntax_extension(parser, extension);
        }
        cmark_parser_feed(parser, text, length);
        cmark_node *document = cmark_parser_finish(parser);
        if (renders) {
            char *html = cmark_render_html(document, CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES,
                                           cmark_parser_get_syntax_extensions(parser));
            size_t html_length = strlen(html);
            html_bytes += html_length;
            if (writes) {
                snprintf(path, sizeof path, "%s/%.*s.html", argv[3], (int)(strlen(name) - 3), name);
                FILE *output = fopen(path, "wb");
                if (!output || fwrite(html, 1, html_length, output) != html_length) {
                    perror(path);
                    return 2;
                }
                fclose(output);
            }
            free(html);
        }
        cmark_node_free(document);
        cmark_parser_free(parser);
        documents++;
    }
    printf("%zu documents, %zu bytes of HTML\n", documents, html_bytes);
    return 0;
}
