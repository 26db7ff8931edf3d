#ifndef WARTA_CLIBEDIT_SHIM_H
#define WARTA_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>
#include <histedit.h>

/* Swift 6 refuses to read mutable C globals directly: read them here. */
static inline const char *warta_rl_line_buffer(void) { return rl_line_buffer; }
static inline int warta_rl_point(void) { return rl_point; }
static inline int warta_history_length(void) { return history_length; }
static inline void warta_set_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void warta_set_completion_function(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void warta_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline void warta_set_basic_word_break_characters(const char *s) { rl_basic_word_break_characters = (char *)s; }

#endif
