#pragma once

#include <ntifs.h>
#include <ntddk.h>
