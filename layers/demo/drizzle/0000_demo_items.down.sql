DROP TABLE "demo_items";
