/* pshpack2.h - <pshpack2.h> (realdrv3): structures declared after it are
 * packed to 2-byte boundaries until <poppack.h> restores the previous
 * packing. Included once per region: no include guard, as the WDK's. */
#pragma pack(push, 2)
