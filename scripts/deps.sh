#!/bin/sh
# Installs the Debian packages the build and the tests need, if any is
# missing. As root it runs apt-get; otherwise it prints the line to run.
set -e
need=""
have() { command -v "$1" >/dev/null 2>&1; }
have qemu-system-x86_64 || need="$need qemu-system-x86"
have musl-gcc || need="$need musl-tools"
have cpio || need="$need cpio"
have python3 || need="$need python3"
have nm || need="$need binutils"
have busybox || need="$need busybox-static"
have strace || need="$need strace"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $need >/dev/null
else
	echo "deps: missing packages; run:  sudo apt-get install -y$need"
	exit 1
fi
