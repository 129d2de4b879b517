/*
 * range.c - tables of non-overlapping page ranges, each an AVL tree keyed by
 * first page: insert, remove and the lookup of the range containing a page
 * are O(log n) whatever the order of the calls (a sorted array shifted its
 * tail on every insert and remove, so freeing a million reservations in
 * allocation order took quadratic time). In-order walks step from a range to
 * the next one in O(log n). Removed nodes are kept for the next insert, so a
 * map/unmap loop does not go to the host's allocator.
 */
#include <stdlib.h>

#include "mi_mm.h"

static int MiRangeHeight(const MI_RANGE *Node)
{
    return Node != NULL ? Node->Height : 0;
}

static void MiRangeFix(MI_RANGE *Node)
{
    int Left = MiRangeHeight(Node->Child[0]);
    int Right = MiRangeHeight(Node->Child[1]);
    Node->Height = (Left > Right ? Left : Right) + 1;
}

/* Rotates Node's child on side Side up into Node's place; returns it. */
static MI_RANGE *MiRangeRotate(MI_RANGE *Node, int Side)
{
    MI_RANGE *Up = Node->Child[Side];
    Node->Child[Side] = Up->Child[!Side];
    Up->Child[!Side] = Node;
    MiRangeFix(Node);
    MiRangeFix(Up);
    return Up;
}

/* Restores the AVL balance of Node (its subtrees are balanced and their
 * heights differ by at most 2); returns the subtree's new root. */
static MI_RANGE *MiRangeBalance(MI_RANGE *Node)
{
    MiRangeFix(Node);
    int Skew = MiRangeHeight(Node->Child[1]) - MiRangeHeight(Node->Child[0]);
    if (Skew < -1 || Skew > 1) {
        int Side = Skew > 0; /* the taller side */
        MI_RANGE *Child = Node->Child[Side];
        if (MiRangeHeight(Child->Child[!Side]) > MiRangeHeight(Child->Child[Side])) {
            Node->Child[Side] = MiRangeRotate(Child, !Side);
        }
        return MiRangeRotate(Node, Side);
    }
    return Node;
}

static MI_RANGE *MiRangeAdd(MI_RANGE *Node, MI_RANGE *New)
{
    if (Node == NULL) {
        return New;
    }
    int Side = New->FirstPage > Node->FirstPage;
    Node->Child[Side] = MiRangeAdd(Node->Child[Side], New);
    return MiRangeBalance(Node);
}

/* Unlinks the leftmost node of the subtree into *Min; returns the subtree. */
static MI_RANGE *MiRangeTakeMin(MI_RANGE *Node, MI_RANGE **Min)
{
    if (Node->Child[0] == NULL) {
        *Min = Node;
        return Node->Child[1];
    }
    Node->Child[0] = MiRangeTakeMin(Node->Child[0], Min);
    return MiRangeBalance(Node);
}

static MI_RANGE *MiRangeDelete(MI_RANGE *Node, uint64_t FirstPage, MI_RANGE **Removed)
{
    if (Node == NULL) {
        return NULL;
    }
    if (FirstPage != Node->FirstPage) {
        int Side = FirstPage > Node->FirstPage;
        Node->Child[Side] = MiRangeDelete(Node->Child[Side], FirstPage, Removed);
        return MiRangeBalance(Node);
    }
    *Removed = Node;
    if (Node->Child[0] == NULL || Node->Child[1] == NULL) {
        return Node->Child[Node->Child[0] == NULL];
    }
    MI_RANGE *Successor;
    MI_RANGE *Right = MiRangeTakeMin(Node->Child[1], &Successor);
    Successor->Child[0] = Node->Child[0];
    Successor->Child[1] = Right;
    return MiRangeBalance(Successor);
}

bool MiRangeInsert(MI_RANGE_TABLE *Table, uint64_t FirstPage, uint64_t Pages, void *Data)
{
    /* Ranges never overlap: neither end of the new one is in an old one. */
    MI_ASSERT(Pages > 0);
    MI_ASSERT(MiRangeFind(Table, FirstPage) == NULL &&
              MiRangeFind(Table, FirstPage + Pages - 1) == NULL);
    MI_RANGE *New = Table->Spare;
    if (New != NULL) {
        Table->Spare = New->Child[0];
    } else if ((New = (MI_RANGE *)malloc(sizeof(*New))) == NULL) {
        return false;
    }
    New->Child[0] = New->Child[1] = NULL;
    New->FirstPage = FirstPage;
    New->Pages = Pages;
    New->Data = Data;
    New->Height = 1;
    Table->Root = MiRangeAdd(Table->Root, New);
    Table->Count++;
    return true;
}

/* The range with the greatest FirstPage <= Page, or NULL. */
static MI_RANGE *MiRangeFloor(const MI_RANGE_TABLE *Table, uint64_t Page)
{
    MI_RANGE *Best = NULL;
    for (MI_RANGE *Node = Table->Root; Node != NULL;) {
        if (Node->FirstPage <= Page) {
            Best = Node;
            Node = Node->Child[1];
        } else {
            Node = Node->Child[0];
        }
    }
    return Best;
}

MI_RANGE *MiRangeFind(const MI_RANGE_TABLE *Table, uint64_t Page)
{
    MI_RANGE *Range = MiRangeFloor(Table, Page);
    return Range != NULL && Page - Range->FirstPage < Range->Pages ? Range : NULL;
}

void MiRangeRemove(MI_RANGE_TABLE *Table, uint64_t FirstPage)
{
    MI_RANGE *Removed = NULL;
    Table->Root = MiRangeDelete(Table->Root, FirstPage, &Removed);
    MI_ASSERT(Removed != NULL); /* the caller removes a range it found */
    if (Removed != NULL) {
        Removed->Child[0] = Table->Spare;
        Table->Spare = Removed;
        Table->Count--;
    }
}

MI_RANGE *MiRangeFirst(const MI_RANGE_TABLE *Table)
{
    MI_RANGE *Node = Table->Root;
    while (Node != NULL && Node->Child[0] != NULL) {
        Node = Node->Child[0];
    }
    return Node;
}

MI_RANGE *MiRangeNext(const MI_RANGE_TABLE *Table, const MI_RANGE *Range)
{
    MI_RANGE *Best = NULL;
    for (MI_RANGE *Node = Table->Root; Node != NULL;) {
        if (Node->FirstPage > Range->FirstPage) {
            Best = Node;
            Node = Node->Child[0];
        } else {
            Node = Node->Child[1];
        }
    }
    return Best;
}

static void MiRangeFreeTree(MI_RANGE *Node, bool FreeData)
{
    while (Node != NULL) {
        MI_RANGE *Right = Node->Child[1];
        MiRangeFreeTree(Node->Child[0], FreeData); /* depth <= 1.44 log2(n) */
        if (FreeData) {
            free(Node->Data);
        }
        free(Node);
        Node = Right;
    }
}

void MiRangeFreeAll(MI_RANGE_TABLE *Table, bool FreeData)
{
    MiRangeFreeTree(Table->Root, FreeData);
    while (Table->Spare != NULL) {
        MI_RANGE *Next = Table->Spare->Child[0];
        free(Table->Spare);
        Table->Spare = Next;
    }
    memset(Table, 0, sizeof(*Table));
}
