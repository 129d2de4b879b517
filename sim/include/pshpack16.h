/* pshpack16.h - <pshpack16.h> (realdrv3): structures declared after it are
 * packed to 16-byte boundaries until <poppack.h> restores the previous
 * packing. Included once per region: no include guard, as the WDK's. */
#pragma pack(push, 16)
