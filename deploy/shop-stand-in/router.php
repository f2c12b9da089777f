<?php
// A stand-in for the shop's PHP in deploy/compose.yaml: answers every request ShopXO's way, naming the route it got,
// so a request that reached the shop instead of minipass is plain to see. Replace it with the shop's own site.
header('Content-Type: application/json; charset=utf-8');
$route = $_GET['s'] ?? parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
echo json_encode(['msg' => 'ShopXO stand-in', 'code' => 0, 'data' => ['route' => $route]], JSON_UNESCAPED_UNICODE);
