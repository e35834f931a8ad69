// Files in the browser: text offered as a download, and the templates' contents.

/**
 * Offers `text` as a file download, made in the browser (a Blob): nothing is fetched again, so a
 * token shown once is saved from this page only. CSV templates get a BOM so Excel reads UTF-8.
 */
export function downloadText(name: string, text: string, opts: { bom?: boolean } = {}): void {
  const blob = new Blob([opts.bom ? '\uFEFF' : '', text], { type: name.endsWith('.csv') ? 'text/csv' : 'text/plain' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The templates' columns (the server also reads English and other usual headers: server/onboard/).
export const HOUSEHOLD_TEMPLATE = [
  '楼栋,单元,房号,建筑面积,0-59岁,60-79岁,80岁以上,行动不便,户主姓名,联系电话',
  '5栋,1单元,1301,89.5,2,1,0,0,王某某,13900000000',
].join('\n');
export const DEVICE_TEMPLATE = [
  '设备编号,设备类型,设备名称,楼栋,单元,楼层,经度,纬度,安装高度,坐标系,心跳间隔,立杆,监控楼层',
  'GY-SMK-001,烟感,,5栋,1单元,3,,,,,,,',
  'GY-MHC-001,井盖,南门井盖,,,,114.367524,30.52513,0,GCJ02,,,',
  'GY-THR-001,高空抛物摄像机,,,,,,,,,,5栋南杆,1-3',
].join('\n');
