#ifndef WARTA_CLIBEDIT_SHIM_H
#define WARTA_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#if !__has_include(<editline/readline.h>)
#error "editline/readline.h not found: the shell needs libedit (Debian: apt-get install -y libedit-dev)"
#endif
#include <editline/readline.h>
#include <histedit.h>

/* Swift 6 refuses to read or write mutable C globals directly: do it here. */

static inline void warta_set_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void warta_set_completion_append_character(int c) { rl_completion_append_character = c; }

/*
 * Sets up libedit's readline layer for warta's shell. The strings are C
 * literals, so they outlive every call.
 *
 * No character breaks words for completion: libedit then hands the
 * completion function the whole line up to the cursor, which is what
 * warta's completion needs to know where the cursor stands in a statement
 * (rl_line_buffer can point at a freed buffer once a long line was read).
 * The function returns, first, the replacement for that whole text.
 */
static inline void warta_configure_readline(rl_completion_func_t *complete) {
    rl_readline_name = "warta";
    rl_basic_word_break_characters = "";
    rl_attempted_completion_function = complete;
    rl_completion_append_character = ' ';
}

#endif
