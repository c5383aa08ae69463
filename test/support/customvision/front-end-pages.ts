/**
 * Error pages front ends send instead of the service's JSON, for the "too long" tests:
 * IIS's detailed 404.15 page (request filtering, query string over maxQueryString) —
 * shaped like the page IIS 10 shows, trimmed — and a gateway's JSON 404.
 */
export const IIS_404_15_PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>IIS 10.0 Detailed Error - 404.15 - Not Found</title>
</head>
<body>
<div id="content">
<div class="content-container">
  <h3>HTTP Error 404.15 - Not Found</h3>
  <h4>The request filtering module is configured to deny a request where the query string is too long.</h4>
</div>
<div class="content-container">
  <fieldset><h4>Most likely causes:</h4>
  <ul><li>Request filtering is configured on the Web server to deny the request because the query string is too long.</li></ul>
  </fieldset>
</div>
<div class="content-container">
  <fieldset><h4>Things you can try:</h4>
  <ul><li>Verify the configuration/system.webServer/security/requestFiltering/requestLimits@maxQueryString setting in the applicationhost.config or web.config file.</li></ul>
  </fieldset>
</div>
</div>
</body>
</html>
`;

/** What the gateway in front of the service answers for a path it does not route. */
export const GATEWAY_404 = JSON.stringify({ error: { code: '404', message: 'Resource not found' } });
