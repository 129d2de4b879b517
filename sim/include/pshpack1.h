/* pshpack1.h - <pshpack1.h> (realdrv3): structures declared after it are
 * packed to 1-byte boundaries until <poppack.h> restores the previous
 * packing. Included once per region: no include guard, as the WDK's. */
#pragma pack(push, 1)
