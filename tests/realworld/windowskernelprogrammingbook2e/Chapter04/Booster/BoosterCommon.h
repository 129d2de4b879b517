#pragma once

struct ThreadData {
    ULONG ThreadId;
    int Priority;
};
