#pragma once

#include <ntddk.h>
#include <dontuse.h>
