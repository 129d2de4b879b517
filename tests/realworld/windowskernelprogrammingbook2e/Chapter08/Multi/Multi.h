#pragma once

#define DRIVER_TAG 'itlM'

