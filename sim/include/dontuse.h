/*
 * dontuse.h - the WDK's list of deprecated C run-time routines, which it
 * marks with `#pragma deprecated` so that MSVC warns where a driver calls
 * one. gcc and clang have no such pragma for functions declared elsewhere,
 * and mmsim's headers declare none of those routines, so the header has no
 * content here; drivers (and the WDK's samples) include it unconditionally.
 */
#ifndef _DONTUSE_H_INCLUDED_
#define _DONTUSE_H_INCLUDED_
#endif
