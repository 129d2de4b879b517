#pragma once

#define DRIVER_TAG 'nmvD'
