# make install PREFIX=~/.local    install warta (scripts/install does the work)
# make uninstall PREFIX=~/.local  remove what it installed
# make completions                regenerate share/ from the command-line definition
PREFIX ?= /usr/local

.PHONY: install uninstall completions

install:
	scripts/install "$(PREFIX)"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/warta" \
	      "$(DESTDIR)$(PREFIX)/share/man/man1/warta.1" \
	      "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/warta" \
	      "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_warta" \
	      "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/warta.fish"
	rm -rf "$(DESTDIR)$(PREFIX)/share/warta"

completions:
	scripts/completions
