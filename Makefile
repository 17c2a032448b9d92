# Build, install and uninstall alipay-help. The binary carries its knowledge base, so the
# program, its man page and shell completions are all there is to install.
#
#   make install                      # to /usr/local
#   make install PREFIX=$$HOME/.local  # without root
PREFIX ?= /usr/local
BIN := .build/release/alipay-help
MAN := .build/plugins/GenerateManual/outputs/alipay-help/alipay-help.1

.PHONY: all build man install uninstall

all: build man

build:
	swift build -c release --static-swift-stdlib --product alipay-help

# Generated from the argument parser's own description of the commands.
man:
	swift package plugin generate-manual

install: build man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/alipay-help
	install -m 644 $(MAN) $(DESTDIR)$(PREFIX)/share/man/man1/alipay-help.1
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/alipay-help
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_alipay-help
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/alipay-help.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/alipay-help $(DESTDIR)$(PREFIX)/share/man/man1/alipay-help.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/alipay-help \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_alipay-help \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/alipay-help.fish
