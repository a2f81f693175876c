// A 128-bit integer for products of money and counts or ratios, which may exceed int64.
#pragma once

namespace patrol::plugins {
__extension__ typedef __int128 Wide;
}
