#pragma once

#define DRIVER_TAG 'ydlm'
#define DRIVER_PREFIX "Melody: "



