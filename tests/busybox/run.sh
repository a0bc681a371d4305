# Runs every busybox test case: busybox sh run.sh CASES_DIR
# Each case runs under `busybox sh` in a fresh scratch directory ($T), its
# output framed as the ABI runner frames it:
#   === BEGIN name / ... / === END name exited N
# The same script runs on the host (the expected output) and inside sysret.
for f in "$1"/*.sh; do
	name=${f##*/}
	name=${name%.sh}
	T=$(busybox mktemp -d /tmp/bb.XXXXXX)
	echo "=== BEGIN $name"
	(cd "$T" && T="$T" busybox sh "$f" 2>&1)
	echo "=== END $name exited $?"
	busybox rm -rf "$T"
done
echo "=== ALL DONE"
