/* poppack.h - <poppack.h> (realdrv3): restores the packing in force before
 * the matching <pshpackN.h>. No include guard, as the WDK's. */
#pragma pack(pop)
