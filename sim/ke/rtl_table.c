/*
 * rtl_table.c - Rtl AVL generic tables (RTL_AVL_TABLE): an ordered set of the
 * caller's records, kept in a height-balanced binary tree whose nodes the
 * caller's allocate routine provides (docs/wdk-surface.md, "Run-time library
 * (Rtl)").
 *
 * Layout, as drivers rely on it: each node is one block of
 * sizeof(RTL_BALANCED_LINKS) + the record's size from AllocateRoutine, the
 * record right after the links (what CompareRoutine and the lookups see);
 * Table->BalancedRoot is a sentinel whose Parent is itself and whose
 * RightChild is the tree's root. Balance is the WDK's -1/0/+1 (right height
 * minus left); mmsim keeps each node's height in Reserved[0] to rebalance.
 * The routines run at the IRQL the caller's routines and memory allow.
 */
#include "../mi.h"

#define MI_HEIGHT(Node) ((Node) != NULL ? (int)(Node)->Reserved[0] : 0)

static PVOID MiRecord(PRTL_BALANCED_LINKS Node)
{
    return Node + 1;
}

static PRTL_BALANCED_LINKS MiRoot(PRTL_AVL_TABLE Table)
{
    return Table->BalancedRoot.RightChild;
}

static void MiUpdate(PRTL_BALANCED_LINKS Node)
{
    int Left = MI_HEIGHT(Node->LeftChild), Right = MI_HEIGHT(Node->RightChild);
    Node->Reserved[0] = (UCHAR)((Left > Right ? Left : Right) + 1);
    Node->Balance = (CHAR)(Right - Left);
}

/* Parent's link to Old now points to New (the sentinel's is RightChild). */
static void MiReplaceChild(PRTL_BALANCED_LINKS Parent, PRTL_BALANCED_LINKS Old,
                           PRTL_BALANCED_LINKS New)
{
    if (Parent->LeftChild == Old) {
        Parent->LeftChild = New;
    } else {
        Parent->RightChild = New;
    }
    if (New != NULL) {
        New->Parent = Parent;
    }
}

/*      Node              Pivot
 *     /    \            /     \
 *    a    Pivot   ->  Node     c      (left rotation; right is the mirror)
 *        /    \      /    \
 *       b      c    a      b
 */
static PRTL_BALANCED_LINKS MiRotateLeft(PRTL_BALANCED_LINKS Node)
{
    PRTL_BALANCED_LINKS Pivot = Node->RightChild;
    MiReplaceChild(Node->Parent, Node, Pivot);
    Node->RightChild = Pivot->LeftChild;
    if (Node->RightChild != NULL) {
        Node->RightChild->Parent = Node;
    }
    Pivot->LeftChild = Node;
    Node->Parent = Pivot;
    MiUpdate(Node);
    MiUpdate(Pivot);
    return Pivot;
}

static PRTL_BALANCED_LINKS MiRotateRight(PRTL_BALANCED_LINKS Node)
{
    PRTL_BALANCED_LINKS Pivot = Node->LeftChild;
    MiReplaceChild(Node->Parent, Node, Pivot);
    Node->LeftChild = Pivot->RightChild;
    if (Node->LeftChild != NULL) {
        Node->LeftChild->Parent = Node;
    }
    Pivot->RightChild = Node;
    Node->Parent = Pivot;
    MiUpdate(Node);
    MiUpdate(Pivot);
    return Pivot;
}

/* Restores the AVL property from Node up to the root. */
static void MiRebalance(PRTL_AVL_TABLE Table, PRTL_BALANCED_LINKS Node)
{
    while (Node != NULL && Node != &Table->BalancedRoot) {
        MiUpdate(Node);
        if (Node->Balance > 1) {
            if (Node->RightChild->Balance < 0) {
                MiRotateRight(Node->RightChild);
            }
            Node = MiRotateLeft(Node);
        } else if (Node->Balance < -1) {
            if (Node->LeftChild->Balance > 0) {
                MiRotateLeft(Node->LeftChild);
            }
            Node = MiRotateRight(Node);
        }
        Node = Node->Parent;
    }
    Table->DepthOfTree = (ULONG)MI_HEIGHT(MiRoot(Table));
}

static PRTL_BALANCED_LINKS MiLeftmost(PRTL_BALANCED_LINKS Node)
{
    while (Node != NULL && Node->LeftChild != NULL) {
        Node = Node->LeftChild;
    }
    return Node;
}

static PRTL_BALANCED_LINKS MiRightmost(PRTL_BALANCED_LINKS Node)
{
    while (Node != NULL && Node->RightChild != NULL) {
        Node = Node->RightChild;
    }
    return Node;
}

static PRTL_BALANCED_LINKS MiSuccessor(PRTL_AVL_TABLE Table, PRTL_BALANCED_LINKS Node)
{
    if (Node->RightChild != NULL) {
        return MiLeftmost(Node->RightChild);
    }
    while (Node->Parent != &Table->BalancedRoot && Node->Parent->RightChild == Node) {
        Node = Node->Parent;
    }
    return Node->Parent != &Table->BalancedRoot ? Node->Parent : NULL;
}

static PRTL_BALANCED_LINKS MiPredecessor(PRTL_AVL_TABLE Table, PRTL_BALANCED_LINKS Node)
{
    if (Node->LeftChild != NULL) {
        return MiRightmost(Node->LeftChild);
    }
    while (Node->Parent != &Table->BalancedRoot && Node->Parent->LeftChild == Node) {
        Node = Node->Parent;
    }
    return Node->Parent != &Table->BalancedRoot ? Node->Parent : NULL;
}

/* The search: the node holding Buffer's key, or the parent to insert under. */
static TABLE_SEARCH_RESULT MiFind(PRTL_AVL_TABLE Table, PVOID Buffer, PRTL_BALANCED_LINKS *Where)
{
    PRTL_BALANCED_LINKS Node = MiRoot(Table);
    if (Node == NULL) {
        *Where = NULL;
        return TableEmptyTree;
    }
    for (;;) {
        RTL_GENERIC_COMPARE_RESULTS Order = Table->CompareRoutine(Table, Buffer, MiRecord(Node));
        PRTL_BALANCED_LINKS Next;
        if (Order == GenericLessThan) {
            Next = Node->LeftChild;
            if (Next == NULL) {
                *Where = Node;
                return TableInsertAsLeft;
            }
        } else if (Order == GenericGreaterThan) {
            Next = Node->RightChild;
            if (Next == NULL) {
                *Where = Node;
                return TableInsertAsRight;
            }
        } else {
            *Where = Node;
            return TableFoundNode;
        }
        Node = Next;
    }
}

VOID NTAPI RtlInitializeGenericTableAvl(PRTL_AVL_TABLE Table, PRTL_AVL_COMPARE_ROUTINE CompareRoutine,
                                        PRTL_AVL_ALLOCATE_ROUTINE AllocateRoutine,
                                        PRTL_AVL_FREE_ROUTINE FreeRoutine, PVOID TableContext)
{
    memset(Table, 0, sizeof(*Table));
    Table->BalancedRoot.Parent = &Table->BalancedRoot;
    Table->CompareRoutine = CompareRoutine;
    Table->AllocateRoutine = AllocateRoutine;
    Table->FreeRoutine = FreeRoutine;
    Table->TableContext = TableContext;
}

PVOID NTAPI RtlLookupElementGenericTableFullAvl(PRTL_AVL_TABLE Table, PVOID Buffer,
                                                PVOID *NodeOrParent,
                                                TABLE_SEARCH_RESULT *SearchResult)
{
    PRTL_BALANCED_LINKS Where;
    *SearchResult = MiFind(Table, Buffer, &Where);
    *NodeOrParent = Where;
    return *SearchResult == TableFoundNode ? MiRecord(Where) : NULL;
}

PVOID NTAPI RtlLookupElementGenericTableAvl(PRTL_AVL_TABLE Table, PVOID Buffer)
{
    PRTL_BALANCED_LINKS Where;
    return MiFind(Table, Buffer, &Where) == TableFoundNode ? MiRecord(Where) : NULL;
}

PVOID NTAPI RtlInsertElementGenericTableFullAvl(PRTL_AVL_TABLE Table, PVOID Buffer,
                                                CLONG BufferSize, PBOOLEAN NewElement,
                                                PVOID NodeOrParent,
                                                TABLE_SEARCH_RESULT SearchResult)
{
    PRTL_BALANCED_LINKS Parent = (PRTL_BALANCED_LINKS)NodeOrParent;
    if (SearchResult == TableFoundNode) {
        if (NewElement != NULL) {
            *NewElement = FALSE;
        }
        return MiRecord(Parent);
    }
    PRTL_BALANCED_LINKS Node = (PRTL_BALANCED_LINKS)Table->AllocateRoutine(
        Table, (CLONG)(sizeof(RTL_BALANCED_LINKS) + BufferSize));
    if (Node == NULL) {
        if (NewElement != NULL) {
            *NewElement = FALSE;
        }
        return NULL; /* the allocate routine's failure: nothing inserted */
    }
    memset(Node, 0, sizeof(*Node));
    Node->Reserved[0] = 1;
    memcpy(MiRecord(Node), Buffer, BufferSize);
    if (SearchResult == TableEmptyTree) {
        Table->BalancedRoot.RightChild = Node;
        Node->Parent = &Table->BalancedRoot;
    } else if (SearchResult == TableInsertAsLeft) {
        Parent->LeftChild = Node;
        Node->Parent = Parent;
    } else {
        Parent->RightChild = Node;
        Node->Parent = Parent;
    }
    Table->NumberGenericTableElements++;
    Table->OrderedPointer = NULL; /* positions moved: RtlGetElement... walks again */
    MiRebalance(Table, Node->Parent);
    if (NewElement != NULL) {
        *NewElement = TRUE;
    }
    return MiRecord(Node);
}

PVOID NTAPI RtlInsertElementGenericTableAvl(PRTL_AVL_TABLE Table, PVOID Buffer, CLONG BufferSize,
                                            PBOOLEAN NewElement)
{
    PRTL_BALANCED_LINKS Where;
    TABLE_SEARCH_RESULT Result = MiFind(Table, Buffer, &Where);
    return RtlInsertElementGenericTableFullAvl(Table, Buffer, BufferSize, NewElement, Where, Result);
}

BOOLEAN NTAPI RtlDeleteElementGenericTableAvl(PRTL_AVL_TABLE Table, PVOID Buffer)
{
    PRTL_BALANCED_LINKS Node;
    if (MiFind(Table, Buffer, &Node) != TableFoundNode) {
        return FALSE;
    }
    /* An enumeration that returned this node goes on from its predecessor. */
    if (Table->RestartKey == Node) {
        Table->RestartKey = MiPredecessor(Table, Node);
    }
    PRTL_BALANCED_LINKS Parent = Node->Parent, Start;
    if (Node->LeftChild == NULL || Node->RightChild == NULL) {
        PRTL_BALANCED_LINKS Child = Node->LeftChild != NULL ? Node->LeftChild : Node->RightChild;
        MiReplaceChild(Parent, Node, Child);
        Start = Parent;
    } else {
        /* The successor takes the node's place. */
        PRTL_BALANCED_LINKS Next = MiLeftmost(Node->RightChild);
        if (Next->Parent != Node) {
            Start = Next->Parent;
            MiReplaceChild(Next->Parent, Next, Next->RightChild);
            Next->RightChild = Node->RightChild;
            Next->RightChild->Parent = Next;
        } else {
            Start = Next;
        }
        Next->LeftChild = Node->LeftChild;
        Next->LeftChild->Parent = Next;
        MiReplaceChild(Parent, Node, Next);
    }
    Table->NumberGenericTableElements--;
    Table->DeleteCount++;
    Table->OrderedPointer = NULL;
    MiRebalance(Table, Start);
    Table->FreeRoutine(Table, Node);
    return TRUE;
}

PVOID NTAPI RtlEnumerateGenericTableWithoutSplayingAvl(PRTL_AVL_TABLE Table, PVOID *RestartKey)
{
    PRTL_BALANCED_LINKS Node = (PRTL_BALANCED_LINKS)*RestartKey;
    Node = Node == NULL ? MiLeftmost(MiRoot(Table)) : MiSuccessor(Table, Node);
    if (Node == NULL) {
        return NULL;
    }
    *RestartKey = Node;
    return MiRecord(Node);
}

PVOID NTAPI RtlEnumerateGenericTableAvl(PRTL_AVL_TABLE Table, BOOLEAN Restart)
{
    PVOID Key = Restart ? NULL : Table->RestartKey;
    PVOID Record = RtlEnumerateGenericTableWithoutSplayingAvl(Table, &Key);
    if (Record != NULL) {
        Table->RestartKey = (PRTL_BALANCED_LINKS)Key;
    }
    return Record;
}

PVOID NTAPI RtlLookupFirstMatchingElementGenericTableAvl(PRTL_AVL_TABLE Table, PVOID Buffer,
                                                         PVOID *RestartKey)
{
    /* Keys are unique in the table: the first match is the match. */
    PRTL_BALANCED_LINKS Node;
    if (MiFind(Table, Buffer, &Node) != TableFoundNode) {
        *RestartKey = NULL;
        return NULL;
    }
    *RestartKey = Node;
    return MiRecord(Node);
}

PVOID NTAPI RtlGetElementGenericTableAvl(PRTL_AVL_TABLE Table, ULONG I)
{
    if (I >= Table->NumberGenericTableElements) {
        return NULL;
    }
    /* From the last position asked for when it is at or before I. */
    PRTL_BALANCED_LINKS Node;
    ULONG At;
    if (Table->OrderedPointer != NULL && Table->WhichOrderedElement <= I) {
        Node = (PRTL_BALANCED_LINKS)Table->OrderedPointer;
        At = Table->WhichOrderedElement;
    } else {
        Node = MiLeftmost(MiRoot(Table));
        At = 0;
    }
    while (At < I) {
        Node = MiSuccessor(Table, Node);
        At++;
    }
    Table->OrderedPointer = Node;
    Table->WhichOrderedElement = I;
    return MiRecord(Node);
}

ULONG NTAPI RtlNumberGenericTableElementsAvl(PRTL_AVL_TABLE Table)
{
    return Table->NumberGenericTableElements;
}

BOOLEAN NTAPI RtlIsGenericTableEmptyAvl(PRTL_AVL_TABLE Table)
{
    return MiRoot(Table) == NULL ? TRUE : FALSE;
}
