#!/bin/sh
# {{jreleaserCreationStamp}}
#
# {{distributionExecutable}} start-up script for UN*X (custom JReleaser template:
# src/jreleaser/assemblers/cors-audit/java-archive/bin/launcher.tpl).
#
# Start-up is most of a short run's time, so this launcher keeps an application class-data archive
# (AppCDS) beside the jar, in lib/cds/:
#   * first run, when lib/cds is writable: one training run (dev.corsaudit.cli.CdsTraining:
#     `check --replicas` in each report format, offline, loopback only) dumps the classes it loaded
#     (-XX:ArchiveClassesAtExit), then your command runs as usual;
#   * afterwards: the JVM maps that archive (-XX:SharedArchiveFile) instead of loading and verifying
#     the same classes from the jar;
#   * a lone --version neither trains nor maps it (it loads none of those classes).
# Your command's output and exit code never depend on the archive: the training run's output and
# exit code are discarded, CDS logging is off on stdout (a stale archive would otherwise print a
# warning there), and an archive the JVM rejects (a new JDK, a new jar) is rebuilt on the next run.
# Environment: JAVA_HOME, JAVA_OPTS (extra JVM options, split on spaces), CORS_AUDIT_CDS=off (no
# archive), CORS_AUDIT_CDS_DIR (where the archive lives; default lib/cds).
# It forks nothing on the normal path (no uname, xargs or sed), to keep `--version` fast.

# Resolve links: $0 may be a link
app_path=$0
while
    APP_HOME=${app_path%"${app_path##*/}"}  # leaves a trailing /; empty if no leading path
    [ -h "$app_path" ]
do
    ls=$( ls -ld "$app_path" )
    link=${ls#*' -> '}
    case $link in
      /*)   app_path=$link ;;
      *)    app_path=$APP_HOME$link ;;
    esac
done
APP_HOME=$( cd "${APP_HOME:-./}.." && pwd -P ) || exit

die () {
    echo "$*" >&2
    exit 1
}

if [ -n "$JAVA_HOME" ]; then
    JAVACMD=$JAVA_HOME/bin/java
    [ -x "$JAVACMD" ] || die "ERROR: JAVA_HOME is set to an invalid directory: $JAVA_HOME"
else
    JAVACMD=java
    command -v java >/dev/null 2>&1 ||
        die "ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH."
fi

JAR=$APP_HOME/lib/{{distributionJavaMainJar}}
MAIN={{distributionJavaMainClass}}
# A short-lived CLI on small machines: C1 only, one compiler thread and the serial GC start faster
# and leave the cores to the program and its probes (docs/performance.md).
JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED"

CDS_DIR=${CORS_AUDIT_CDS_DIR:-$APP_HOME/lib/cds}
ARCHIVE=$CDS_DIR/{{distributionExecutable}}-{{projectVersion}}.jsa
# The JVM writes its CDS warnings here (and nothing else); non-empty = it rejected the archive.
REJECTED=$CDS_DIR/rejected.log

train () {
    # One archive per lib/cds; mkdir is atomic, so of two first runs at once only one trains.
    lock=$CDS_DIR/lock
    if ! mkdir "$lock" 2>/dev/null; then
        owner=$( cat "$lock/pid" 2>/dev/null )
        if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then
            return 0   # another run is training; this one goes without the archive
        fi
        rm -rf "$lock"   # left by a run that was killed
        mkdir "$lock" 2>/dev/null || return 0
    fi
    echo $$ > "$lock/pid"
    tmp=$ARCHIVE.$$.tmp
    trap 'rm -rf "$tmp" "$lock"; exit 130' INT TERM HUP
    # From lib/cds, so a ./providers.yaml in the caller's directory is never read.
    # CdsTraining runs check --replicas once per report format, printing nothing.
    ( cd "$CDS_DIR" && exec "$JAVACMD" $JVM_FLAGS "-XX:ArchiveClassesAtExit=$tmp" \
        -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$JAR" dev.corsaudit.cli.CdsTraining \
        ) </dev/null >/dev/null 2>&1
    if [ -s "$tmp" ]; then
        mv -f "$tmp" "$ARCHIVE" && : > "$REJECTED"
    fi
    rm -rf "$tmp" "$lock"
    trap - INT TERM HUP
}

CDS=${CORS_AUDIT_CDS:-on}
# A lone --version is answered before any of our classes load (Main.run): mapping the archive
# costs it more than it saves (measured: 0.13 s with it, 0.11 s without), so it neither trains nor
# maps one.
if [ "$#" -eq 1 ] && { [ "$1" = --version ] || [ "$1" = -V ]; }; then
    CDS=off
fi
# The JVM options, then the user's words "$@" behind them (set -- keeps them quoted as given).
set -- -cp "$JAR" "$MAIN" "$@"
set -f   # split JAVA_OPTS on spaces, but never expand a * in it
# shellcheck disable=SC2086 # JAVA_OPTS is a space-separated list by convention
set -- $JAVA_OPTS "$@"
set +f
if [ "$CDS" != off ]; then
    if [ -s "$REJECTED" ] && [ -z "$JAVA_OPTS" ]; then
        rm -f "$ARCHIVE"   # the JVM or the jar changed since the archive was made
    fi
    if [ ! -f "$ARCHIVE" ] && [ -z "$JAVA_OPTS" ]; then
        if [ -d "$CDS_DIR" ] || mkdir -p "$CDS_DIR" 2>/dev/null; then
            if [ -w "$CDS_DIR" ]; then
                train
            fi
        fi
    fi
    if [ -f "$ARCHIVE" ]; then
        if [ -w "$CDS_DIR" ] && [ -z "$JAVA_OPTS" ]; then
            # (not with JAVA_OPTS: other flags may not fit the archive, which says nothing about it)
            set -- "-Xlog:cds=warning,cds+dynamic=warning:file=$REJECTED::filecount=0" "$@"
        fi
        set -- "-XX:SharedArchiveFile=$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
    fi
fi
# shellcheck disable=SC2086 # fixed flags, no spaces
exec "$JAVACMD" $JVM_FLAGS "$@"
