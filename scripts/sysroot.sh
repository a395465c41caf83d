#!/usr/bin/env bash
# Build (once per machine) a riscv64 sysroot of real Debian trixie packages:
# libc6, busybox, lua5.4, python3-minimal (or python3.N-minimal) and what
# they depend on, unpacked with `dpkg -x`. tests/sysroot.sh runs them under
# qemu-riscv64 -L and rvdbt -L.
#
#   scripts/sysroot.sh        prints the sysroot's path on stdout (progress
#                             goes to stderr); exits 0 when it is ready
#
# The sysroot lives outside the clone, in
# ${XDG_CACHE_HOME:-$HOME/.cache}/rvdbt/sysroot-trixie/, so that later runs
# and fresh clones on the same machine fetch nothing: its file .rvdbt-stamp
# lists the packages it was made of, and a sysroot whose stamp names the
# packages asked for is used as it is.
#
# apt runs with a configuration of its own (APT_CONFIG; sources list, lists,
# cache, status file and log under the cache directory, APT::Architecture
# riscv64), so the machine's own apt state is neither read for packages nor
# changed. The archive address is the Debian one from the machine's apt
# sources. apt checks the Release files against the machine's
# debian-archive-keyring; only if that has no key for the signature is the
# index used unverified, with a warning saying what is trusted instead.
#
# Environment (for testing this script): SYSROOT_ARCHIVE, an archive
# address to use instead of the apt sources'; SYSROOT_KEYRING, a keyring
# instead of debian-archive-keyring.gpg; XDG_CACHE_HOME as above.
#
# Exit status: 0 ready; 77 when the archive cannot be reached at all (one
# message on stderr: the tests skip); 1 for any other failure.
set -euo pipefail

CODENAME=trixie
# Suite names to try for the release, in order. A mirror has been seen to
# fail updating one name's index (size mismatch) while the other worked, so
# each is tried, and the Release file's Codename decides, not the name.
SUITES=(trixie stable)
# Python's package name depends on the release; resolved below.
WANT=(libc6 busybox lua5.4)
KEYRING=${SYSROOT_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
# Bumped whenever what this script makes of the packages changes, so that an
# older sysroot is made again.
LAYOUT=1

CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/rvdbt
SYSROOT=$CACHE/sysroot-$CODENAME
APTDIR=$CACHE/apt-$CODENAME
STAMP=$SYSROOT/.rvdbt-stamp

say() { echo "sysroot: $*" >&2; }
die() { say "$*"; exit 1; }
skip() { say "$*"; exit 77; }

# The first line of the stamp names what was asked for; a sysroot made of
# those packages is complete (the stamp is written last).
stamp_ok() {
    [[ -f $STAMP ]] && [[ $(head -n 1 "$STAMP") == "want: $1 (layout $LAYOUT)" ]]
}

# Fast path: nothing to fetch, no lock needed.
for py in python3-minimal python3.13-minimal; do
    if stamp_ok "${WANT[*]} $py"; then
        echo "$SYSROOT"
        exit 0
    fi
done

if ! command -v apt-get > /dev/null || ! command -v dpkg > /dev/null; then
    skip "no apt-get/dpkg on this machine: cannot fetch Debian packages"
fi

mkdir -p "$CACHE"
# Two test runs on one machine must not build the same sysroot at once.
exec 9> "$CACHE/sysroot-$CODENAME.lock"
flock 9

# --- The archive address, from the machine's apt sources ------------------

# Prints "URI SUITES..." for each enabled `deb` source with component main,
# one-line format (sources.list, *.list) and deb822 (*.sources).
list_sources() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -r $f ]] || continue
        sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" |
            awk '$1 == "deb" && NF >= 4 {
                     main = 0
                     for (i = 4; i <= NF; i++) if ($i == "main") main = 1
                     if (main) print $2, $3
                 }'
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -r $f ]] || continue
        awk 'function flush() {
                 if (types ~ /(^| )deb( |$)/ && comps ~ /(^| )main( |$)/ &&
                     tolower(enabled) != "no") {
                     n = split(uris, u, " ")
                     for (i = 1; i <= n; i++) print u[i], suites
                 }
                 types = uris = suites = comps = ""; enabled = "yes"; key = ""
             }
             BEGIN { enabled = "yes" }
             /^[ \t]*#/ { next }
             /^[ \t]*$/ { flush(); next }
             /^[ \t]/ { val = $0; sub(/^[ \t]+/, "", val)
                        if (key == "uris") uris = uris " " val
                        else if (key == "suites") suites = suites " " val
                        else if (key == "components") comps = comps " " val
                        else if (key == "types") types = types " " val
                        next }
             { key = tolower($0); sub(/:.*/, "", key)
               val = $0; sub(/^[^:]*:[ \t]*/, "", val)
               if (key == "types") types = val
               else if (key == "uris") uris = val
               else if (key == "suites") suites = val
               else if (key == "components") comps = val
               else if (key == "enabled") enabled = val }
             END { flush() }' "$f"
    done
}

# The Debian archive is the source of a plain release suite (not -security,
# -updates, -backports; those live on other paths or carry only updates).
ARCHIVES=()
if [[ -n ${SYSROOT_ARCHIVE:-} ]]; then
    ARCHIVES=("${SYSROOT_ARCHIVE%/}")
else
    while read -r uri suites; do
        for s in $suites; do
            case $s in
                oldstable | stable | testing | unstable | sid | bullseye | bookworm | \
                    trixie | forky | duke)
                    uri=${uri%/}
                    [[ " ${ARCHIVES[*]} " == *" $uri "* ]] || ARCHIVES+=("$uri")
                    break
                    ;;
            esac
        done
    done < <(list_sources)
fi
(( ${#ARCHIVES[@]} > 0 )) ||
    skip "no Debian archive in this machine's apt sources (/etc/apt/sources.list{,.d}): cannot fetch packages"

# --- A private apt ---------------------------------------------------------

mkdir -p "$APTDIR"/{etc/apt.conf.d,etc/preferences.d,lists/partial,archives/partial,log}
: > "$APTDIR/status"
# Settings of the machine's apt that say how to reach the network (proxies)
# and how strictly to judge dates (a mirror may serve a snapshot) carry over;
# nothing else of its configuration is read.
{
    apt-config dump 2> /dev/null |
        grep -E '^Acquire::(https?|ftp)::Proxy|^Acquire::Check-(Valid-Until|Date) ' || true
    cat << EOF
Dir::Etc::Parts "$APTDIR/etc/apt.conf.d";
Dir::Etc::Main "/dev/null";
Dir::Etc::PreferencesParts "$APTDIR/etc/preferences.d";
Dir::Etc::Preferences "/dev/null";
Dir::Etc::SourceList "$APTDIR/etc/sources.list";
Dir::Etc::SourceParts "$APTDIR/etc/sources.list.d";
Dir::Etc::TrustedParts "$APTDIR/etc/trusted.gpg.d";
Dir::Etc::Trusted "/dev/null";
Dir::State "$APTDIR";
Dir::State::Lists "$APTDIR/lists";
Dir::State::status "$APTDIR/status";
Dir::State::extended_states "$APTDIR/extended_states";
Dir::Cache "$APTDIR";
Dir::Cache::Archives "$APTDIR/archives";
Dir::Log "$APTDIR/log";
APT::Sandbox::User "$(id -un)";
APT::Architecture "riscv64";
APT::Architectures { "riscv64"; };
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
Acquire::GzipIndexes "true";
Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled "false";
EOF
} > "$APTDIR/apt.conf"
mkdir -p "$APTDIR/etc/sources.list.d" "$APTDIR/etc/trusted.gpg.d"
export APT_CONFIG=$APTDIR/apt.conf
apt_priv() { apt-get -q "$@"; }

# Release files are verified against the machine's debian-archive-keyring.
# Only where apt finds no key for the signature in it (NO_PUBKEY: a keyring
# older than the release) is the index taken unverified, and that is said.
TRUST="signed-by=$KEYRING"
untrusted() {
    TRUST="trusted=yes"
    say "WARNING: $1: the Release file's signature is NOT checked; what is" \
        "trusted is the archive address from this machine's apt sources and the" \
        "transport to it (package hashes are still checked against that Release file)"
}
[[ -r $KEYRING ]] || untrusted "no $KEYRING on this machine"

# update URI SUITE: fetch that suite's index into the private lists; 0 when
# it worked and the Release file says Codename: trixie, 2 when the keyring
# has no key for its signature. Each try's output is kept in $LOG.
LOG=$APTDIR/update.log
: > "$LOG"
# The most telling line of an apt log: the last error or failed fetch (an
# "Err:" item's reason is on the indented line after it).
apt_why() {
    grep -E '^E:|^W: Failed|^  ' "$1" | tail -n 1 | sed 's/^ *//'
}
update() {
    local uri=$1 suite=$2 rel f out=$APTDIR/update.try st=0
    rm -rf "$APTDIR/lists"
    mkdir -p "$APTDIR/lists/partial"
    echo "deb [arch=riscv64 $TRUST] $uri $suite main" > "$APTDIR/etc/sources.list"
    say "fetching the index of $uri $suite (riscv64)"
    apt_priv update > "$out" 2>&1 || st=$?
    cat "$out" >> "$LOG"
    if (( st != 0 )) || grep -qE '^(E|Err):' "$out"; then
        if [[ $TRUST == signed-by=* ]] && grep -q NO_PUBKEY "$out"; then
            return 2
        fi
        say "apt-get update of $suite failed: $(apt_why "$out")"
        return 1
    fi
    rel=
    for f in "$APTDIR"/lists/*_dists_"${suite}"_InRelease "$APTDIR"/lists/*_dists_"${suite}"_Release; do
        [[ -f $f ]] && { rel=$f; break; }
    done
    [[ -n $rel ]] || { say "no Release file for $suite after update"; return 1; }
    if ! grep -q "^Codename: $CODENAME\$" "$rel"; then
        say "$uri $suite is $(grep -m1 '^Codename:' "$rel" || echo 'without a Codename'), not $CODENAME"
        return 1
    fi
}

found=
for uri in "${ARCHIVES[@]}"; do
    for suite in "${SUITES[@]}"; do
        st=0
        update "$uri" "$suite" || st=$?
        if (( st == 2 )); then
            untrusted "$KEYRING has no key for the signature of $uri $suite"
            st=0
            update "$uri" "$suite" || st=$?
        fi
        if (( st == 0 )); then
            found="$uri $suite"
            break 2
        fi
    done
done
if [[ -z $found ]]; then
    # Unreachable means no Release file came back and the errors were about
    # the connection; anything else (a 404, a bad signature, a size
    # mismatch on both names) is a failure to look at.
    if ! grep -qE '^(Get|Hit):[0-9]+ .*Release' "$LOG" &&
        grep -qiE "could not resolve|temporary failure resolving|could not connect|connection (timed out|refused|failed)|unable to connect|no route to host|network is unreachable|failed to connect" "$LOG"; then
        skip "the Debian archive (${ARCHIVES[*]}) cannot be reached: $(apt_why "$LOG")"
    fi
    die "no usable $CODENAME index from ${ARCHIVES[*]} (suites tried: ${SUITES[*]}); apt's log: $LOG"
fi

# --- The packages ----------------------------------------------------------

PY=
for p in python3-minimal python3.13-minimal; do
    if apt-cache show "$p" > /dev/null 2>&1; then
        PY=$p
        break
    fi
done
[[ -n $PY ]] || die "neither python3-minimal nor python3.13-minimal is in $found"
WANT+=("$PY")
if stamp_ok "${WANT[*]}"; then      # built by another run while we waited
    echo "$SYSROOT"
    exit 0
fi

# With an empty status file apt resolves Depends and Pre-Depends of the
# wanted packages recursively, for riscv64; --download-only stops before dpkg.
say "resolving and downloading ${WANT[*]} and their dependencies"
apt_priv clean
if ! apt_priv install --download-only -y "${WANT[@]}" > "$APTDIR/install.log" 2>&1; then
    die "apt-get could not download the packages: $(grep -E '^(E|W):' "$APTDIR/install.log" | tail -n 1)"
fi
shopt -s nullglob
DEBS=("$APTDIR"/archives/*.deb)
(( ${#DEBS[@]} > 0 )) || die "apt-get downloaded no package (log: $APTDIR/install.log)"

# Unpack into a fresh directory next to the final one, then swap it in, so
# that a half-built sysroot never has a stamp.
NEW=$(mktemp -d "$CACHE/sysroot-$CODENAME.new.XXXXXX")
trap 'rm -rf "$NEW"' EXIT
for d in "${DEBS[@]}"; do
    dpkg -x "$d" "$NEW" || die "dpkg -x failed on $d"
done

# Merged /usr: the interpreter path /lib/ld-linux-riscv64-lp64d.so.1 and
# /bin/... must resolve. base-files, which makes these links on a real
# system, is not a dependency of any package here.
for d in bin sbin lib lib64; do
    if [[ -d $NEW/usr/$d && ! -e $NEW/$d && ! -L $NEW/$d ]]; then
        ln -s "usr/$d" "$NEW/$d"
    fi
done

# An absolute symlink means a path in the guest's root. Resolved by the host
# (qemu-riscv64 -L and rvdbt -L hand paths under the prefix to the host
# kernel) it would leave the sysroot, so each becomes relative to its place.
while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    [[ $target == /* ]] || continue
    rel=$(realpath -m -s --relative-to="$(dirname "$link")" "$NEW$target")
    ln -sfn "$rel" "$link"
done < <(find "$NEW" -type l -print0)

# Busybox's applets become links to it (what `busybox --install -s` makes)
# where no package put a program of that name, so that guests find sort,
# awk, ... and /bin/sh on PATH=/usr/bin:/bin: scripts run with the sysroot's
# own busybox as /bin/sh. Listing the applets runs the riscv64 busybox.
command -v qemu-riscv64 > /dev/null ||
    die "qemu-riscv64 is needed to list busybox's applets (scripts/deps.sh installs it)"
applets=$(qemu-riscv64 -L "$NEW" "$NEW/usr/bin/busybox" --list) ||
    die "busybox --list failed under qemu-riscv64"
for a in $applets; do
    [[ -e $NEW/usr/bin/$a || -L $NEW/usr/bin/$a || -e $NEW/usr/sbin/$a ]] ||
        ln -s busybox "$NEW/usr/bin/$a"
done
[[ -L $NEW/usr/bin/sh ]] || die "busybox has no sh applet"

{
    echo "want: ${WANT[*]} (layout $LAYOUT)"
    echo "from: $found"
    echo "trust: $TRUST"
    for d in "${DEBS[@]}"; do
        # shellcheck disable=SC2016  # dpkg-deb's own ${field} syntax
        dpkg-deb --show --showformat='${Package} ${Version} ${Architecture}\n' "$d"
    done
} > "$NEW/.rvdbt-stamp"

rm -rf "$SYSROOT.old"
[[ -e $SYSROOT ]] && mv "$SYSROOT" "$SYSROOT.old"
mv "$NEW" "$SYSROOT"
trap - EXIT
rm -rf "$SYSROOT.old"
# The index and the packages are not needed again: the stamp says it is done.
apt_priv clean
rm -rf "$APTDIR/lists" "$APTDIR"/*.bin
say "ready: $SYSROOT (${#DEBS[@]} packages)"
echo "$SYSROOT"
