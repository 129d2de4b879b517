#!/usr/bin/env bash
# run_commands.sh SOURCE_DIR SCRATCH_DIR NOT_RUN_FILE - every shell command the
# documentation shows is run, verbatim (ctest docs_commands).
#
# Each ```sh block of README.md and docs/*.md is run, in document order, as one
# bash script (set -e -o pipefail), in SOURCE_DIR, with HOME=SCRATCH_DIR/home
# (so `--prefix $HOME/mmsim` installs into the scratch directory) and without
# the caller's CMAKE_PREFIX_PATH / PKG_CONFIG_PATH. Markers the renderer does
# not show steer it:
#
#   <!-- docs-test: file NAME -->   the next fenced block is written to
#                                   SCRATCH_DIR/project/NAME (a user's file);
#   <!-- docs-test: cwd project --> the next ```sh block runs in
#                                   SCRATCH_DIR/project (the user's project).
#
# A command (a line, continuation lines joined with single spaces; comment
# lines skipped) that matches a pattern of NOT_RUN_FILE is not run; every
# pattern there must match some command and follow a comment giving the
# reason. Any command that fails fails the test, and so does a ```c or
# ```cmake block of README.md without a file marker: the README's examples are
# complete files its commands build and run.
set -euo pipefail
Source=$(cd "${1:?usage: run_commands.sh SOURCE_DIR SCRATCH_DIR NOT_RUN_FILE}" && pwd)
Scratch=${2:?}
NotRunFile=${3:?}

rm -rf "$Scratch"
mkdir -p "$Scratch/home" "$Scratch/project"
Scratch=$(cd "$Scratch" && pwd)

# ---- the exclusions ----------------------------------------------------------
Patterns=()
Used=()
Reasoned=false
LineNo=0
while IFS= read -r Line || [ -n "$Line" ]; do
    LineNo=$((LineNo + 1))
    case "$Line" in
        '#'*) Reasoned=true ;;
        '') Reasoned=false ;;
        *)
            if ! $Reasoned; then
                echo "$NotRunFile:$LineNo: a command without a reason (a comment above it): $Line"
                exit 1
            fi
            Patterns+=("$Line")
            Used+=(0) ;;
    esac
done <"$NotRunFile"

# ---- the documents' blocks, as records ---------------------------------------
#   B <TAB> FILE:LINE <TAB> source|project   a ```sh block starts
#   C <TAB> command                          one command of it
Records=$(cd "$Source" && awk -v Project="$Scratch/project" '
    FNR == 1 { FileNext = ""; CwdNext = ""; InBlock = 0 }
    /^<!-- docs-test: file [^ ]+ -->$/ { FileNext = $4; next }
    /^<!-- docs-test: cwd project -->$/ { CwdNext = "project"; next }
    /^```/ {
        if (!InBlock) {
            InBlock = 1; Lang = substr($0, 4); Out = FileNext; FileNext = ""
            Cwd = (CwdNext == "" ? "source" : CwdNext); CwdNext = ""; Pending = ""
            if (Out != "") { printf "" > (Project "/" Out) }
            else if (Lang == "sh") { print "B\t" FILENAME ":" FNR "\t" Cwd }
            else if (FILENAME == "README.md" && (Lang == "c" || Lang == "cmake")) {
                print "E\t" FILENAME ":" FNR
            }
        } else {
            InBlock = 0
            if (Out != "") { close(Project "/" Out) }
            Out = ""
        }
        next
    }
    InBlock && Out != "" { print > (Project "/" Out); next }
    InBlock && Lang == "sh" {
        Text = $0
        if (Pending != "") { sub(/^[ \t]+/, "", Text) }
        if (Text ~ /\\$/) { sub(/[ \t]*\\$/, " ", Text); Pending = Pending Text; next }
        Command = Pending Text; Pending = ""
        if (Command ~ /^[ \t]*(#|$)/) { next }
        print "C\t" Command
    }
' README.md docs/*.md)

# ---- run ---------------------------------------------------------------------
unset CMAKE_PREFIX_PATH PKG_CONFIG_PATH
export HOME="$Scratch/home"
Ran=0
Skipped=0
Block=""
Where=""
Dir=""
run_block() {
    [ -n "$Block" ] || return 0
    echo "== $Where (in $Dir)"
    printf '%s' "$Block" | sed 's/^/+ /'
    if ! (cd "$Dir" && bash -e -o pipefail -c "$Block"); then
        echo "docs_commands: a command of the block at $Where failed (above)"
        exit 1
    fi
    Block=""
}
while IFS=$'\t' read -r Kind A B; do
    if [ "$Kind" = E ]; then
        echo "docs_commands: $A: the README's examples are compiled by its commands;" \
             "this one has no <!-- docs-test: file NAME --> marker above it"
        exit 1
    fi
    if [ "$Kind" = B ]; then
        run_block
        Where=$A
        if [ "$B" = project ]; then Dir="$Scratch/project"; else Dir="$Source"; fi
        continue
    fi
    Command=$A
    Excluded=false
    for i in "${!Patterns[@]}"; do
        # shellcheck disable=SC2053 # the pattern is a glob on purpose
        if [[ "$Command" == ${Patterns[$i]} ]]; then
            Excluded=true
            Used[$i]=1
        fi
    done
    if $Excluded; then
        echo "-- not run ($Where; see $(basename "$NotRunFile")): $Command"
        Skipped=$((Skipped + 1))
    else
        Block+="$Command"$'\n'
        Ran=$((Ran + 1))
    fi
done <<<"$Records"
run_block

for i in "${!Patterns[@]}"; do
    if [ "${Used[$i]}" = 0 ]; then
        echo "docs_commands: $(basename "$NotRunFile") excludes a command no document shows any more: ${Patterns[$i]}"
        exit 1
    fi
done
echo "docs_commands: $Ran documented command(s) ran, $Skipped not run for the reasons in $(basename "$NotRunFile")"
