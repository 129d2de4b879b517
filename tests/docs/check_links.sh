#!/usr/bin/env bash
# check_links.sh SOURCE_DIR - the documentation stays inside the repository.
#
# In README.md and docs/*.md (outside fenced code blocks), every
#   - relative link [text](path#anchor) must resolve to a file or directory of
#     the repository, and its #anchor to a heading of the target (GitHub's
#     heading slugs);
#   - link to a bare #anchor must name a heading of the same file;
#   - backticked path `dir/file` whose first component is a top-level entry of
#     the repository (core/, sim/, tests/, docs/, ...) must exist;
#   - link or backticked path that climbs out of the repository (../...) or
#     points into the filesystem (/...) is an error, and so is any mention of
#     ../shared/ (the team's notes, not part of the repository).
# Web links (https://...) are sources (Microsoft documentation pages) and are
# not followed. Prints every problem as FILE:LINE: problem; exit 1 if any.
set -euo pipefail
Root=$(cd "${1:?usage: check_links.sh SOURCE_DIR}" && pwd)
cd "$Root"

Problems=0
problem() {
    echo "$1: $2"
    Problems=$((Problems + 1))
}

# GitHub's anchor for each heading of a Markdown file, one per line: lower
# case, punctuation dropped, spaces to hyphens; repeats get -1, -2, ...
slugs() {
    awk '/^```/ { Fenced = !Fenced; next } !Fenced && /^#+ / { sub(/^#+ +/, ""); print }' "$1" |
        tr 'A-Z' 'a-z' | LC_ALL=C sed -e 's/[^a-z0-9 _-]//g' -e 's/ /-/g' |
        awk '{ n = Seen[$0]++; print (n ? $0 "-" n : $0) }'
}

TopLevel=$(ls -A "$Root" | grep -v -x -e .git -e build)

for File in README.md docs/*.md; do
    Dir=$(dirname "$File")
    # A citation of a file outside the repository, in any form.
    while IFS= read -r Hit; do
        problem "$File:${Hit%%:*}" "cites a file outside the repository: ${Hit#*:}"
    done < <(grep -n -o -E '\.\./shared/[A-Za-z0-9._/-]*' "$File" || true)
    # Prose lines with their numbers, fenced blocks blanked.
    Prose=$(awk '/^```/ { Fenced = !Fenced; print NR ":"; next } { print NR ":" (Fenced ? "" : $0) }' "$File")

    # Links: [text](target). Inline code is removed first: `a](b)` is not a link.
    while IFS= read -r Hit; do
        Line=${Hit%%:*}
        Target=${Hit#*:}
        Target=${Target#*](}
        Target=${Target%)}
        Target=${Target%% *} # [text](path "title")
        case "$Target" in
            http://* | https://*) continue ;;
            mailto:* | file:* | /*)
                problem "$File:$Line" "link leaves the repository: $Target"
                continue ;;
        esac
        Path=${Target%%#*}
        Anchor=""
        [[ "$Target" == *#* ]] && Anchor=${Target#*#}
        if [ -z "$Path" ]; then
            Resolved=$File
        else
            Resolved=$(realpath -m "$Dir/$Path")
            case "$Resolved" in
                "$Root"/*) Resolved=${Resolved#"$Root"/} ;;
                *)
                    problem "$File:$Line" "link leaves the repository: $Target"
                    continue ;;
            esac
            if [ ! -e "$Resolved" ]; then
                problem "$File:$Line" "link to a path that does not exist: $Target"
                continue
            fi
        fi
        if [ -n "$Anchor" ]; then
            if [[ "$Resolved" != *.md ]]; then
                problem "$File:$Line" "anchor on a file that is not Markdown: $Target"
            elif ! slugs "$Resolved" | grep -q -x -F -- "$Anchor"; then
                problem "$File:$Line" "no heading for the anchor #$Anchor in $Resolved"
            fi
        fi
    done < <(sed -e 's/`[^`]*`//g' <<<"$Prose" | grep -o -E '^[0-9]+:|\]\([^)]+\)' |
             awk '/^[0-9]+:$/ { Line = $0; next } { print Line substr($0, 1) }')

    # Backticked paths.
    while IFS= read -r Hit; do
        Line=${Hit%%:*}
        Code=${Hit#*:}
        Code=${Code#\`}
        Code=${Code%\`}
        case "$Code" in
            ../* | */../*)
                problem "$File:$Line" "path leaves the repository: $Code"
                continue ;;
            /work/* | /home/* | /tmp/* | ~/*/shared/*)
                problem "$File:$Line" "path outside the repository: $Code"
                continue ;;
        esac
        # Only plain repository paths: no spaces, wildcards or placeholders.
        [[ "$Code" =~ ^[A-Za-z0-9._/-]+(:[0-9]+)?$ ]] || continue
        Path=${Code%%:*}
        First=${Path%%/*}
        [[ "$Path" == */* ]] || continue
        grep -q -x -F -- "$First" <<<"$TopLevel" || continue
        [ -e "$Path" ] || problem "$File:$Line" "path does not exist in the repository: $Code"
    done < <(grep -o -E '^[0-9]+:|`[^`]+`' <<<"$Prose" |
             awk '/^[0-9]+:$/ { Line = $0; next } { print Line $0 }')
done

if [ "$Problems" -ne 0 ]; then
    echo "check_links: $Problems problem(s) in README.md and docs/"
    exit 1
fi
echo "check_links: every link and repository path in README.md and docs/ resolves inside the repository"
